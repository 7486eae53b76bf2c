namespace RealtimeCalendar.Core.Events;

/// <summary>Instants are stored to the millisecond, in UTC, so what a write returns equals what a later read returns.</summary>
public static class StoredInstant
{
    public static DateTimeOffset Of(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
