// The DynamoDB Streams JSON protocol (DynamoDBStreams_20120810), for the few calls the event source mapping makes;
// The smallest faithful AWSSDK.DynamoDBStreams client shape (why our own: src/decisions/0001-own-small-clients.md).
using System.Text.Json.Serialization;
using RealtimeCalendar.Lambda.Contracts.DynamoDb;

namespace RealtimeCalendar.Local.Streams;

internal sealed record DescribeStreamRequest(string StreamArn, string? ExclusiveStartShardId);

internal sealed record DescribeStreamResponse(StreamDescription StreamDescription);

internal sealed record StreamDescription(string StreamArn, string? StreamStatus, List<StreamShard>? Shards, string? LastEvaluatedShardId);

internal sealed record StreamShard(string ShardId, string? ParentShardId, SequenceNumberRange? SequenceNumberRange);

internal sealed record SequenceNumberRange(string? StartingSequenceNumber, string? EndingSequenceNumber);

internal sealed record GetShardIteratorRequest(string StreamArn, string ShardId, string ShardIteratorType, string? SequenceNumber);

internal sealed record GetShardIteratorResponse(string? ShardIterator);

internal sealed record GetRecordsRequest(string ShardIterator, int? Limit);

internal sealed record GetRecordsResponse(List<DynamoDBEvent.DynamodbStreamRecord>? Records, string? NextShardIterator);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DescribeStreamRequest))]
[JsonSerializable(typeof(DescribeStreamResponse))]
[JsonSerializable(typeof(GetShardIteratorRequest))]
[JsonSerializable(typeof(GetShardIteratorResponse))]
[JsonSerializable(typeof(GetRecordsRequest))]
[JsonSerializable(typeof(GetRecordsResponse))]
internal sealed partial class StreamsJsonContext : JsonSerializerContext;
