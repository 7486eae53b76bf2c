namespace RealtimeCalendar.Core.Realtime;

public enum ChangeOperation
{
    Upsert,
    Delete,
}
