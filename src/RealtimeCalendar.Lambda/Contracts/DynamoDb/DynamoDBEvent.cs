// Stands in for Amazon.Lambda.DynamoDBEvents (why our own: src/decisions/0001-own-small-clients.md); JSON shape identical to the event Lambda builds from a DynamoDB stream.
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealtimeCalendar.Lambda.Contracts.DynamoDb;

/// <summary>
/// A batch of stream records. Every name is spelled out because the wire mixes casings (<c>Records</c>,
/// <c>eventID</c>, <c>eventSourceARN</c>, <c>NewImage</c>, <c>BOOL</c>) and the local cloud must write it exactly.
/// </summary>
public sealed class DynamoDBEvent
{
    /// <summary>
    /// The batch's records, each read on its own: a record that cannot be read becomes one whose
    /// <see cref="DynamodbStreamRecord.ReadError"/> says why, so one bad record never fails the batch. Fields AWS adds
    /// (tumbling-window <c>window</c>, <c>state</c>, <c>shardId</c>, ...) are ignored.
    /// </summary>
    [JsonPropertyName("Records")]
    [JsonConverter(typeof(StreamRecordListJsonConverter))]
    public List<DynamodbStreamRecord>? Records { get; set; }

    public sealed class DynamodbStreamRecord
    {
        /// <summary>Why this record could not be read (null when it was); its JSON is then kept in <see cref="UnreadableJson"/>.</summary>
        [JsonIgnore]
        public string? ReadError { get; set; }

        /// <summary>The record exactly as it arrived, when it could not be read; written back unchanged.</summary>
        [JsonIgnore]
        public JsonElement? UnreadableJson { get; set; }

        [JsonPropertyName("eventID")]
        public string? EventID { get; set; }

        /// <summary>INSERT, MODIFY or REMOVE.</summary>
        [JsonPropertyName("eventName")]
        public string? EventName { get; set; }

        [JsonPropertyName("eventVersion")]
        public string? EventVersion { get; set; }

        [JsonPropertyName("eventSource")]
        public string? EventSource { get; set; }

        [JsonPropertyName("awsRegion")]
        public string? AwsRegion { get; set; }

        [JsonPropertyName("eventSourceARN")]
        public string? EventSourceArn { get; set; }

        /// <summary>Present only when DynamoDB itself removed the item (TTL expiry).</summary>
        [JsonPropertyName("userIdentity")]
        public Identity? UserIdentity { get; set; }

        [JsonPropertyName("dynamodb")]
        public StreamRecord? Dynamodb { get; set; }
    }

    public sealed class StreamRecord
    {
        /// <summary>On the wire: epoch seconds as a JSON number, possibly fractional, or epoch milliseconds (see <see cref="EpochSecondsJsonConverter"/>).</summary>
        [JsonPropertyName("ApproximateCreationDateTime")]
        [JsonConverter(typeof(EpochSecondsJsonConverter))]
        public DateTimeOffset? ApproximateCreationDateTime { get; set; }

        [JsonPropertyName("Keys")]
        public Dictionary<string, AttributeValue>? Keys { get; set; }

        [JsonPropertyName("NewImage")]
        public Dictionary<string, AttributeValue>? NewImage { get; set; }

        [JsonPropertyName("OldImage")]
        public Dictionary<string, AttributeValue>? OldImage { get; set; }

        [JsonPropertyName("SequenceNumber")]
        public string? SequenceNumber { get; set; }

        [JsonPropertyName("SizeBytes")]
        public long SizeBytes { get; set; }

        [JsonPropertyName("StreamViewType")]
        public string? StreamViewType { get; set; }
    }

    /// <summary>One DynamoDB attribute value: exactly one member is set. Numbers stay strings, as DynamoDB sends them.</summary>
    public sealed class AttributeValue
    {
        [JsonPropertyName("S")]
        public string? S { get; set; }

        [JsonPropertyName("N")]
        public string? N { get; set; }

        [JsonPropertyName("B")]
        public byte[]? B { get; set; }

        [JsonPropertyName("BOOL")]
        public bool? BOOL { get; set; }

        [JsonPropertyName("NULL")]
        public bool? NULL { get; set; }

        [JsonPropertyName("SS")]
        public List<string>? SS { get; set; }

        [JsonPropertyName("NS")]
        public List<string>? NS { get; set; }

        [JsonPropertyName("BS")]
        public List<byte[]>? BS { get; set; }

        [JsonPropertyName("L")]
        public List<AttributeValue>? L { get; set; }

        [JsonPropertyName("M")]
        public Dictionary<string, AttributeValue>? M { get; set; }
    }

    public sealed class Identity
    {
        [JsonPropertyName("type")]
        public string? Type { get; set; }

        [JsonPropertyName("principalId")]
        public string? PrincipalId { get; set; }
    }
}
