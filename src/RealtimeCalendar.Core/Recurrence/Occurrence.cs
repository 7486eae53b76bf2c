namespace RealtimeCalendar.Core.Recurrence;

/// <summary>
/// One occurrence of a series as a range query returns it (Google Calendar API v3 <c>singleEvents=true</c>).
/// </summary>
/// <param name="Id">Stable per occurrence, Google's instance id shape: <c>{seriesId}_{yyyyMMdd'T'HHmmss'Z'}</c>
/// (UTC original start), or <c>{seriesId}_{yyyyMMdd}</c> for all-day series.</param>
/// <param name="OriginalStartTime">The start the rule gives this occurrence (UTC); what an override refers to.</param>
/// <param name="Start">Start instant (UTC). For all-day series, midnight UTC of the occurrence's date.</param>
/// <param name="End">End instant (UTC), exclusive.</param>
public sealed record Occurrence(string Id, DateTimeOffset OriginalStartTime, DateTimeOffset Start, DateTimeOffset End);
