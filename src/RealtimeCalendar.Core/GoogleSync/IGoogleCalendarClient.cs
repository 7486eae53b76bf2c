namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// The Google Calendar v3 calls sync needs, on the user's primary calendar, already authorized for one user.
/// Failures surface as <see cref="GoogleCalendarException"/>; retrying throttling and refreshing the access token
/// are the adapter's job.
/// </summary>
public interface IGoogleCalendarClient : IDisposable
{
    Task<GoogleEventPage> ListEventsAsync(GoogleEventQuery query, CancellationToken cancellationToken);

    Task<GoogleEvent> InsertEventAsync(GoogleEvent googleEvent, CancellationToken cancellationToken);

    /// <summary>Patches the event; with <paramref name="ifMatchEtag"/>, only while Google still holds that version (else 412).</summary>
    Task<GoogleEvent> PatchEventAsync(string eventId, GoogleEvent googleEvent, string? ifMatchEtag, CancellationToken cancellationToken);

    Task DeleteEventAsync(string eventId, CancellationToken cancellationToken);

    Task<GoogleOpenedChannel> WatchEventsAsync(GoogleWatchRequest request, CancellationToken cancellationToken);

    Task StopChannelAsync(string channelId, string resourceId, CancellationToken cancellationToken);
}
