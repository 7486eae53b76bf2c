namespace RealtimeCalendar.Google.Wire;

/// <summary>One of a Calendar v3 event's <c>reminders.overrides</c>: <c>method</c> <c>email</c> or <c>popup</c>, <c>minutes</c> before the start.</summary>
public sealed class GoogleReminderJson
{
    public string? Method { get; set; }

    public int? Minutes { get; set; }
}
