namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// The Google API side of sync, supplied by the host: the Google.Apis-based adapter is not Native-AOT clean, so the
/// AOT bootstrap has none; the JIT <c>google-bootstrap</c> and the local cloud pass it in.
/// </summary>
public sealed record GoogleApiAdapters(IGoogleCalendarClientFactory Clients, IGoogleAuthorizationFlow Authorization);
