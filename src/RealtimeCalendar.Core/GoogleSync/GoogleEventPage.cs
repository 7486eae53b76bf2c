namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// One page of <c>events.list</c>. Every page but the last carries <see cref="NextPageToken"/>; the last carries
/// <see cref="NextSyncToken"/>. <see cref="TimeZone"/> is the calendar's zone, used for all-day events.
/// </summary>
public sealed record GoogleEventPage(IReadOnlyList<GoogleEvent> Items, string? NextPageToken, string? NextSyncToken, string? TimeZone);
