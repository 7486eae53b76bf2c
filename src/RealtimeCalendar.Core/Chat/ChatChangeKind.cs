namespace RealtimeCalendar.Core.Chat;

public enum ChatChangeKind
{
    Created,
    Updated,
    Deleted,
}
