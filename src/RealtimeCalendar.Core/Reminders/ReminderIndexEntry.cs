using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Reminders;

/// <summary>One event in the due index: the event as stored and what it carries for the sweep.</summary>
public sealed record ReminderIndexEntry(CalendarEvent Event, ReminderDue Due);
