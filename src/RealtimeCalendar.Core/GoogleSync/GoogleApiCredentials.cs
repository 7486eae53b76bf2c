namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>What a host needs to build <see cref="GoogleApiAdapters"/>: the OAuth client and, for stand-ins, the endpoints.</summary>
public sealed record GoogleApiCredentials(
    string ClientId, string ClientSecret, Uri? AuthorizationEndpoint, Uri? TokenEndpoint, Uri? CalendarBaseUri);
