using System.Globalization;
using Google;
using Google.Apis.Auth.OAuth2.Responses;
using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.Google.Api;
using RealtimeCalendar.Google.Wire;

namespace RealtimeCalendar.Google;

/// <summary>The Core port <see cref="IGoogleCalendarClient"/> on <see cref="CalendarV3Service"/>, for one user.</summary>
public sealed class GoogleCalendarClient(CalendarV3Service service, GoogleApiOptions options, ILogger<GoogleCalendarClient> logger) : IGoogleCalendarClient
{
    public Task<GoogleEventPage> ListEventsAsync(GoogleEventQuery query, CancellationToken cancellationToken) =>
        CallAsync("events.list", async () =>
        {
            var request = new EventsListRequest(service, options.CalendarId)
            {
                SyncToken = query.SyncToken,
                PageToken = query.PageToken,
                ShowDeleted = "true",
                MaxResults = options.PageSize,
            };
            var list = await request.ExecuteAsync(cancellationToken);
            return new GoogleEventPage([.. (list.Items ?? []).Select(ToCore)], list.NextPageToken, list.NextSyncToken, list.TimeZone);
        });

    public Task<GoogleEvent> InsertEventAsync(GoogleEvent googleEvent, CancellationToken cancellationToken) =>
        CallAsync("events.insert", async () => ToCore(await new EventsInsertRequest(service, options.CalendarId, ToWire(googleEvent)).ExecuteAsync(cancellationToken)));

    public Task<GoogleEvent> PatchEventAsync(string eventId, GoogleEvent googleEvent, string? ifMatchEtag, CancellationToken cancellationToken) =>
        CallAsync("events.patch", async () =>
        {
            var request = new EventsPatchRequest(service, options.CalendarId, eventId, ToWire(googleEvent));
            if (ifMatchEtag is { Length: > 0 })
                request.ModifyRequest = message => message.Headers.TryAddWithoutValidation("If-Match", ifMatchEtag);
            return ToCore(await request.ExecuteAsync(cancellationToken));
        });

    public Task DeleteEventAsync(string eventId, CancellationToken cancellationToken) =>
        CallAsync("events.delete", () => new EventsDeleteRequest(service, options.CalendarId, eventId).ExecuteAsync(cancellationToken));

    public Task<GoogleOpenedChannel> WatchEventsAsync(GoogleWatchRequest request, CancellationToken cancellationToken) =>
        CallAsync("events.watch", async () =>
        {
            var body = new GoogleChannelJson { Id = request.ChannelId, Type = "web_hook", Address = request.Address.ToString(), Token = request.Token };
            var channel = await new EventsWatchRequest(service, options.CalendarId, body).ExecuteAsync(cancellationToken);
            DateTimeOffset? expiration = long.TryParse(channel.Expiration, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                : null;
            return new GoogleOpenedChannel(
                channel.Id ?? request.ChannelId,
                channel.ResourceId ?? throw new GoogleCalendarException(502, "Google opened a channel without a resource id."),
                expiration);
        });

    public Task StopChannelAsync(string channelId, string resourceId, CancellationToken cancellationToken) =>
        CallAsync("channels.stop", () => new ChannelsStopRequest(service, new GoogleChannelJson { Id = channelId, ResourceId = resourceId }).ExecuteAsync(cancellationToken));

    public void Dispose() => service.Dispose();

    private async Task<T> CallAsync<T>(string method, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (GoogleApiException e)
        {
            var status = (int)e.HttpStatusCode;
            logger.LogInformation("Google {Method} answered {Status}: {Reason}", method, status, e.Error?.Message);
            throw new GoogleCalendarException(status, $"Google {method} answered {status}: {e.Error?.Message}", e);
        }
        catch (HttpRequestException e)
        {
            // No answer at all after the retries (DNS, connection refused, reset): to callers it is Google being unavailable.
            logger.LogWarning("Google {Method} could not be reached: {Reason}", method, e.Message);
            throw new GoogleCalendarException(503, $"Google {method} could not be reached: {e.Message}", e);
        }
        catch (TokenResponseException e)
        {
            // The refresh token was revoked or the client is misconfigured: the user has to connect again.
            logger.LogWarning("Google token refresh failed: {Error}", e.Error?.Error);
            throw new GoogleCalendarException(401, $"Google refused the refresh token: {e.Error?.Error}", e);
        }
    }

    private static GoogleEvent ToCore(GoogleEventJson e) => new(
        e.Id,
        e.Status,
        e.Summary,
        e.Description,
        e.Location,
        e.Start is { } start ? new GoogleEventTime(start.DateTime, start.Date, start.TimeZone) : null,
        e.End is { } end ? new GoogleEventTime(end.DateTime, end.Date, end.TimeZone) : null,
        e.Updated,
        e.Etag,
        e.Recurrence,
        e.EventType,
        e.EndTimeUnspecified == true,
        e.RecurringEventId,
        e.OriginalStartTime is { } original ? new GoogleEventTime(original.DateTime, original.Date, original.TimeZone) : null,
        ToCore(e.Reminders));

    private static GoogleEventJson ToWire(GoogleEvent e) => new()
    {
        Id = e.Id,
        Status = e.Status,
        Summary = e.Summary,
        // Written even when null (see GoogleEventJson): a patch without them would keep Google's stale values.
        Description = e.Description,
        Location = e.Location,
        Start = ToWire(e.Start),
        End = ToWire(e.End),
        Recurrence = e.Recurrence is { } lines ? [.. lines] : null,
        Reminders = ToWire(e.Reminders),
    };

    /// <summary>Google's reminders as they are; an override without minutes (Google never sends one) is left out.</summary>
    private static EventReminders? ToCore(GoogleRemindersJson? reminders) =>
        reminders is null
            ? null
            : new EventReminders(
                reminders.UseDefault ?? false,
                reminders.Overrides?.Where(o => o.Minutes is not null).Select(o => new ReminderOverride(o.Method, o.Minutes!.Value)).ToList());

    private static GoogleRemindersJson? ToWire(EventReminders? reminders) =>
        reminders is null
            ? null
            : new GoogleRemindersJson
            {
                UseDefault = reminders.UseDefault,
                Overrides = reminders.UseDefault ? null : [.. (reminders.Overrides ?? []).Select(o => new GoogleReminderJson { Method = o.Method, Minutes = o.Minutes })],
            };

    private static GoogleEventTimeJson? ToWire(GoogleEventTime? time) =>
        time is null ? null : new GoogleEventTimeJson { Date = time.Date, DateTime = time.DateTime, TimeZone = time.TimeZone };
}
