using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace RealtimeCalendar.Lambda.Contracts.DynamoDb;

/// <summary>
/// Reads a batch's <c>Records</c> one record at a time. A record that cannot be read (a field of the wrong type, a
/// timestamp out of range) is kept as a <see cref="DynamoDBEvent.DynamodbStreamRecord"/> with
/// <see cref="DynamoDBEvent.DynamodbStreamRecord.ReadError"/> set and its JSON kept, so handlers can log and skip it
/// instead of failing the batch: a failed batch is retried until the record expires, blocking its shard.
/// </summary>
public sealed class StreamRecordListJsonConverter : JsonConverter<List<DynamoDBEvent.DynamodbStreamRecord>>
{
    public override List<DynamoDBEvent.DynamodbStreamRecord>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException($"Records must be an array, not {reader.TokenType}.");

        var recordType = RecordType(options);
        var records = new List<DynamoDBEvent.DynamodbStreamRecord>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var element = JsonElement.ParseValue(ref reader);
            records.Add(ReadRecord(element, recordType));
        }

        return records;
    }

    public override void Write(Utf8JsonWriter writer, List<DynamoDBEvent.DynamodbStreamRecord> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var recordType = RecordType(options);
        writer.WriteStartArray();
        foreach (var record in value)
        {
            if (record.UnreadableJson is { } json)
                json.WriteTo(writer);
            else
                JsonSerializer.Serialize(writer, record, recordType);
        }

        writer.WriteEndArray();
    }

    private static DynamoDBEvent.DynamodbStreamRecord ReadRecord(JsonElement element, JsonTypeInfo<DynamoDBEvent.DynamodbStreamRecord> recordType)
    {
        try
        {
            return element.Deserialize(recordType) ?? Unreadable(element, "The record is null.");
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException or OverflowException)
        {
            return Unreadable(element, e.Message);
        }
    }

    private static DynamoDBEvent.DynamodbStreamRecord Unreadable(JsonElement element, string reason) => new()
    {
        // What the logs need to find the record again, when its envelope names it.
        EventID = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("eventID", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null,
        ReadError = reason,
        UnreadableJson = element.Clone(),
    };

    // Resolved from the caller's source-generated context, so this stays AOT-safe without naming the context here.
    private static JsonTypeInfo<DynamoDBEvent.DynamodbStreamRecord> RecordType(JsonSerializerOptions options) =>
        (JsonTypeInfo<DynamoDBEvent.DynamodbStreamRecord>)options.GetTypeInfo(typeof(DynamoDBEvent.DynamodbStreamRecord));
}
