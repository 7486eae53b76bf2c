using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Google.Tests.Fixtures;

/// <summary>One committed write: the item before and after, as a NEW_AND_OLD_IMAGES stream record carries it.</summary>
public sealed record StoredChange(CalendarEvent? Before, CalendarEvent? After);
