namespace RealtimeCalendar.Core.Reminders;

/// <summary>Pushed to every socket of the owner when a reminder is dismissed in any tab: <c>{"type":"reminder.dismissed","reminderId"}</c>.</summary>
public sealed record ReminderDismissedMessage(string ReminderId)
{
    [System.Text.Json.Serialization.JsonPropertyOrder(-1)]
    public string Type { get; init; } = "reminder.dismissed";
}
