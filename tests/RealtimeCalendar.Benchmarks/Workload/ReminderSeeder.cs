using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Aws.Events;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Benchmarks.Workload;

/// <summary>
/// Writes the owners' events straight into the Events table in the store's own item layout (<see cref="EventItem"/>),
/// each in the due index at its reminder's minute, as the store's write would put it: the benchmark measures the sweep,
/// not 200,000 HTTP writes.
/// </summary>
public static class ReminderSeeder
{
    private const int BatchSize = 25;
    private const int Parallelism = 8;

    public static async Task SeedAsync(
        IAmazonDynamoDB dynamoDb, string eventsTable, IReadOnlyList<string> owners, int perUser, int windowMinutes, int leadMinutes,
        DateTimeOffset windowStart, DateTimeOffset writtenAt, CancellationToken cancellationToken)
    {
        var items = owners.SelectMany((owner, index) => Enumerable.Range(0, perUser).Select(k =>
        {
            var due = windowStart.AddMinutes(DueMinute(index, k, perUser, windowMinutes));
            var start = due.AddMinutes(leadMinutes);
            var e = new CalendarEvent(owner, EventIds.New(), $"Reminder bench {k}", start, start.AddMinutes(30), false, "UTC", null, null, 1, writtenAt, "api",
                Reminders: EventReminders.Own([leadMinutes]));
            return EventItem.ToItem(e, new ReminderDue(due, [leadMinutes]));
        }));

        await Parallel.ForEachAsync(
            items.Chunk(BatchSize),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (batch, token) =>
            {
                var pending = new Dictionary<string, List<WriteRequest>>
                {
                    [eventsTable] = [.. batch.Select(item => new WriteRequest { PutRequest = new PutRequest { Item = item } })],
                };
                while (pending.Count > 0)
                {
                    var response = await dynamoDb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, token);
                    pending = response.UnprocessedItems is { Count: > 0 } left ? left : [];
                }
            });
    }

    /// <summary>Owner <paramref name="owner"/>'s reminder <paramref name="k"/> is due this many minutes into the window: every minute gets as many.</summary>
    public static int DueMinute(int owner, int k, int perUser, int windowMinutes) =>
        (int)(((long)owner + ((long)k * windowMinutes / perUser)) % windowMinutes);
}
