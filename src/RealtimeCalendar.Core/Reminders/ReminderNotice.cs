namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// One due reminder as every channel delivers it: the socket frame <c>{"type":"reminder",…}</c> and a Web Push payload
/// carry these fields. <see cref="ReminderId"/> is the same on every delivery of the same reminder (event or occurrence,
/// its start, minutes before), so a tab or service worker that sees it twice shows it once.
/// </summary>
/// <param name="ReminderId">Stable id of this reminder of this occurrence.</param>
/// <param name="EventId">The event, or the occurrence id (<c>{seriesId}_{originalStart}</c>) of a series.</param>
/// <param name="OccurrenceStart">The start of the occurrence reminded of (UTC).</param>
/// <param name="Title">The event's title.</param>
/// <param name="Start">The event's start (UTC), the same as <paramref name="OccurrenceStart"/> for a single event.</param>
/// <param name="MinutesBefore">How long before the start the reminder was set for.</param>
public sealed record ReminderNotice(
    string ReminderId,
    string EventId,
    DateTimeOffset OccurrenceStart,
    string Title,
    DateTimeOffset Start,
    int MinutesBefore);
