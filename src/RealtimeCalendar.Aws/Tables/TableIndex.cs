namespace RealtimeCalendar.Aws.Tables;

/// <summary>
/// A secondary index. A local index shares the table's partition key (so only <see cref="SortKey"/> differs);
/// every index projects all attributes, since reads through them return whole events or connections.
/// </summary>
public sealed record TableIndex(string Name, bool IsLocal, KeyAttribute PartitionKey, KeyAttribute? SortKey);
