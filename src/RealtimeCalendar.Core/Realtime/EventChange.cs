using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Realtime;

/// <summary>
/// One committed change of one event, as the table's stream reports it. <see cref="Sequence"/> is the stream's
/// sequence number (the record id the stream retries by); a delete carries the last version that existed.
/// </summary>
public sealed record EventChange(
    string Sequence,
    string UserId,
    string EventId,
    ChangeOperation Operation,
    long Version,
    CalendarEvent? Event,
    DateTimeOffset At);
