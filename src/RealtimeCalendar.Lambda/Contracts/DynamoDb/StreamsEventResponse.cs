// Stands in for Amazon.Lambda.DynamoDBEvents' StreamsEventResponse (why our own: src/decisions/0001-own-small-clients.md); JSON identical to ReportBatchItemFailures.
using System.Text.Json.Serialization;

namespace RealtimeCalendar.Lambda.Contracts.DynamoDb;

/// <summary>What a stream handler returns so Lambda retries only the failed records (from the first failure on).</summary>
public sealed class StreamsEventResponse
{
    [JsonPropertyName("batchItemFailures")]
    public List<BatchItemFailure> BatchItemFailures { get; set; } = [];

    public sealed class BatchItemFailure
    {
        /// <summary>The failed record's <c>dynamodb.SequenceNumber</c>.</summary>
        [JsonPropertyName("itemIdentifier")]
        public string? ItemIdentifier { get; set; }
    }
}
