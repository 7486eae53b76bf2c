namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// The due indexes are partitioned by a shard of the owner (not one partition for everyone): writes to one index
/// partition key are bounded by DynamoDB per partition, and the sweep reads the shards side by side. The shard is a
/// stable hash of the user id, the same in every process.
/// </summary>
public static class ReminderShards
{
    public const int Count = 4;

    public static IReadOnlyList<int> All { get; } = [.. Enumerable.Range(0, Count)];

    /// <summary>FNV-1a over the id's UTF-16 code units: stable across processes, unlike <see cref="string.GetHashCode()"/>.</summary>
    public static int Of(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var hash = 2166136261u;
        foreach (var c in userId)
        {
            hash ^= c;
            hash *= 16777619u;
        }

        return (int)(hash % Count);
    }
}
