namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// What to ask <c>events.list</c> for: changes since <see cref="SyncToken"/> (null for a full listing), continuing at
/// <see cref="PageToken"/>. Deleted events are always included, so deletions reach us.
/// </summary>
public sealed record GoogleEventQuery(string? SyncToken, string? PageToken);
