namespace RealtimeCalendar.Core.Reminders;

/// <summary>What one read of a due index found, and what it cost (for the sweep's report and the benchmark).</summary>
/// <param name="Queries">Query calls made (pages).</param>
/// <param name="ReadUnits">Read capacity units DynamoDB reported as consumed.</param>
public sealed record ReminderIndexRead<T>(IReadOnlyList<T> Entries, int Queries, double ReadUnits);
