namespace RealtimeCalendar.Core.Events;

/// <summary>The result of a conditional write, so callers can tell "gone" from "changed by someone else".</summary>
public enum StoreWriteOutcome
{
    Written,
    NotFound,
    VersionConflict,
}
