namespace RealtimeCalendar.Aws.Tables;

/// <summary>
/// One DynamoDB table as plain data, so the local cloud (CreateTable) and the CDK stack (CfnTable / Table)
/// build exactly the same keys, indexes, TTL and stream from one description.
/// </summary>
public sealed record TableDefinition(
    string LogicalName,
    KeyAttribute PartitionKey,
    KeyAttribute? SortKey,
    IReadOnlyList<TableIndex> Indexes,
    string? TimeToLiveAttribute,
    bool StreamNewAndOldImages,
    bool PointInTimeRecovery);
