namespace RealtimeCalendar.Core.Limits;

/// <summary>At most <paramref name="Limit"/> uses per user per fixed <paramref name="Window"/> (aligned to the Unix epoch, so days are UTC days). A limit of 0 turns the rule off.</summary>
public sealed record QuotaRule(string Name, int Limit, TimeSpan Window)
{
    public bool IsOff => Limit <= 0;
}
