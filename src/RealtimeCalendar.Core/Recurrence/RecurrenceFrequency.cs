namespace RealtimeCalendar.Core.Recurrence;

/// <summary>The RRULE <c>FREQ</c> values a calendar series may use (RFC 5545 section 3.3.10).</summary>
/// <remarks>SECONDLY, MINUTELY and HOURLY are valid RFC 5545 but refused: a calendar entry repeats at most daily.</remarks>
public enum RecurrenceFrequency
{
    Daily,
    Weekly,
    Monthly,
    Yearly,
}
