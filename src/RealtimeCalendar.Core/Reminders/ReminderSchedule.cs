using NodaTime;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Recurrence;
using RealtimeCalendar.Core.TimeZones;

namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// When an event's reminders are due. A reminder of <c>minutes</c> is due that long before its occurrence's
/// <em>anchor</em>: the start of a timed occurrence, or the start of an all-day occurrence's day in the event's own zone
/// (00:00 Europe/Berlin on 1 December is 23:00 UTC on 30 November), from NodaTime's embedded TZDB, never the host's.
/// The due instant is the start of its minute, the sweep's unit. A series reminds for each occurrence its rule gives
/// (EXDATEs are none); an occurrence stored as an override reminds as an event of its own, with its own reminders.
/// Pure: reads nothing, writes nothing.
/// </summary>
public static class ReminderSchedule
{
    // An all-day occurrence's anchor lies between 14 h before (UTC+14) and 12 h after (UTC-12) its UTC midnight, so
    // every occurrence whose reminders may be due from an instant on starts at most a day before it.
    private static readonly TimeSpan AnchorMargin = TimeSpan.FromDays(1);

    // A bound on the occurrences one look-ahead examines; a daily series with a four-week reminder needs 29.
    private const int MaxOccurrencesExamined = 20_000;

    /// <summary>The start of the minute <paramref name="instant"/> falls in (UTC).</summary>
    public static DateTimeOffset MinuteOf(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }

    /// <summary>The instant an occurrence's reminders count back from (see the type's summary).</summary>
    public static DateTimeOffset AnchorOf(DateTimeOffset occurrenceStart, bool allDay, string timeZone)
    {
        if (!allDay)
            return occurrenceStart;
        var date = LocalDate.FromDateTime(occurrenceStart.UtcDateTime);
        return IanaTimeZones.GetZone(timeZone).AtStartOfDay(date).ToDateTimeOffset();
    }

    /// <summary>The first reminder of <paramref name="e"/> due at or after <paramref name="notBefore"/>, or null when none is left.</summary>
    public static DueReminder? Next(CalendarEvent e, IReadOnlyList<int> minutes, DateTimeOffset notBefore) =>
        From(e, minutes, notBefore).FirstOrDefault();

    /// <summary>Every reminder of <paramref name="e"/> due from <paramref name="from"/> up to and including <paramref name="to"/>, earliest first.</summary>
    public static IEnumerable<DueReminder> Between(CalendarEvent e, IReadOnlyList<int> minutes, DateTimeOffset from, DateTimeOffset to) =>
        From(e, minutes, from).TakeWhile(r => r.DueAt <= to);

    /// <summary>
    /// The reminders of <paramref name="e"/> due at or after <paramref name="notBefore"/>, earliest first (lazily: the
    /// occurrences of a series are expanded only as far as the next due reminder needs). With equal due minutes, the
    /// earlier occurrence comes first.
    /// </summary>
    public static IEnumerable<DueReminder> From(CalendarEvent e, IReadOnlyList<int> minutes, DateTimeOffset notBefore)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(minutes);
        if (minutes.Count == 0)
            yield break;

        var longest = TimeSpan.FromMinutes(minutes.Max());
        var pending = new PriorityQueue<DueReminder, (DateTimeOffset DueAt, DateTimeOffset Start, int Minutes)>();
        using var occurrences = OccurrencesOf(e, notBefore - AnchorMargin).Take(MaxOccurrencesExamined).GetEnumerator();
        var more = occurrences.MoveNext();
        while (true)
        {
            // Take occurrences while one of theirs could be due before the earliest reminder found so far: anchors only
            // grow, so once an occurrence's longest reminder is due after it, so are all later ones.
            while (more && (pending.Count == 0 || MinuteOf(occurrences.Current.Anchor - longest) <= pending.Peek().DueAt))
            {
                var (id, start, anchor) = occurrences.Current;
                foreach (var m in minutes)
                {
                    var dueAt = MinuteOf(anchor - TimeSpan.FromMinutes(m));
                    if (dueAt >= notBefore)
                        pending.Enqueue(new DueReminder(Notice(e, id, start, m), dueAt), (dueAt, start, -m));
                }

                more = occurrences.MoveNext();
            }

            if (pending.Count == 0)
                yield break;
            yield return pending.Dequeue();
        }
    }

    private static ReminderNotice Notice(CalendarEvent e, string eventId, DateTimeOffset occurrenceStart, int minutes) =>
        new(ReminderIds.For(eventId, occurrenceStart, minutes), eventId, occurrenceStart, e.Title, e.Start, minutes);

    /// <summary>The occurrences that may have reminders from <paramref name="from"/> on, in start order, with their anchors.</summary>
    private static IEnumerable<(string Id, DateTimeOffset Start, DateTimeOffset Anchor)> OccurrencesOf(CalendarEvent e, DateTimeOffset from)
    {
        if (!e.IsSeries)
        {
            yield return (e.EventId, e.Start, AnchorOf(e.Start, e.AllDay, e.TimeZone));
            yield break;
        }

        // Overridden occurrences are items of their own, reminded of from there.
        var overridden = (e.OverrideIds ?? [])
            .Select(id => EventIds.TryParseInstance(id, out _, out var originalStart) ? originalStart : (DateTimeOffset?)null)
            .OfType<DateTimeOffset>()
            .ToHashSet();
        var start = from < EventLimits.Earliest ? EventLimits.Earliest : from;
        foreach (var occurrence in SeriesSchedule.FromStored(e).Between(start, EventLimits.Latest))
        {
            if (overridden.Contains(occurrence.OriginalStartTime))
                continue;
            yield return (occurrence.Id, occurrence.Start, AnchorOf(occurrence.Start, e.AllDay, e.TimeZone));
        }
    }
}
