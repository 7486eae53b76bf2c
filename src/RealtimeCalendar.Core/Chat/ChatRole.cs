namespace RealtimeCalendar.Core.Chat;

/// <summary>Who said a turn of the conversation the client sends back with each question.</summary>
public enum ChatRole
{
    User,
    Assistant,
}
