namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// The fields of a Google Calendar v3 event resource that sync reads or writes. <see cref="Status"/> is
/// <c>confirmed</c>, <c>tentative</c> or <c>cancelled</c> (a deletion seen through a sync token).
/// </summary>
public sealed record GoogleEvent(
    string? Id,
    string? Status,
    string? Summary,
    string? Description,
    string? Location,
    GoogleEventTime? Start,
    GoogleEventTime? End,
    DateTimeOffset? Updated,
    string? Etag,
    IReadOnlyList<string>? Recurrence = null)
{
    public const string Cancelled = "cancelled";

    public bool IsCancelled => Status == Cancelled;
}
