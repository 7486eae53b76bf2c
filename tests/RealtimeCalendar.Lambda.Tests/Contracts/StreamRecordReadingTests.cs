using System.Text.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.DynamoDb;

namespace RealtimeCalendar.Lambda.Tests.Contracts;

/// <summary>Stream batches are read record by record: a record that cannot be read never takes its batch down.</summary>
public sealed class StreamRecordReadingTests
{
    [Theory]
    [InlineData("1480642020", 1480642020000)]
    [InlineData("1480642020.5", 1480642020500)]
    [InlineData("1480642020.123", 1480642020123)]
    [InlineData("1480642020000", 1480642020000)]
    [InlineData("1480642020123", 1480642020123)]
    [InlineData("1.480642020123E12", 1480642020123)]
    public void Creation_time_in_seconds_fractional_seconds_or_milliseconds_reads(string json, long expectedMilliseconds)
    {
        var record = Assert.Single(Read("""{"Records":[{"eventID":"1","dynamodb":{"ApproximateCreationDateTime":""" + json + ""","SequenceNumber":"7"}}]}""").Records!);

        Assert.Null(record.ReadError);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(expectedMilliseconds), record.Dynamodb!.ApproximateCreationDateTime);
    }

    [Theory]
    [InlineData("""{"eventID":"bad","dynamodb":{"ApproximateCreationDateTime":"yesterday","SequenceNumber":"2"}}""", "bad")]
    [InlineData("""{"eventID":"bad","dynamodb":{"ApproximateCreationDateTime":1e300,"SequenceNumber":"2"}}""", "bad")]
    [InlineData("""{"eventID":"bad","dynamodb":{"Keys":{"id":{"BOOL":"maybe"}},"SequenceNumber":"2"}}""", "bad")]
    [InlineData("""{"eventID":"bad","dynamodb":[]}""", "bad")]
    [InlineData("""42""", null)]
    public void An_unreadable_record_is_kept_aside_and_its_neighbours_are_read(string badRecord, string? badEventId)
    {
        var batch = Read(
            """{"Records":[{"eventID":"before","dynamodb":{"ApproximateCreationDateTime":1480642020,"SequenceNumber":"1"}},"""
            + badRecord
            + """,{"eventID":"after","dynamodb":{"ApproximateCreationDateTime":1480642020,"SequenceNumber":"3"}}]}""");

        Assert.Equal(3, batch.Records!.Count);
        Assert.Equal(["before", badEventId, "after"], batch.Records.Select(r => r.EventID));
        Assert.Null(batch.Records[0].ReadError);
        Assert.NotNull(batch.Records[1].ReadError);
        Assert.Null(batch.Records[2].ReadError);
        Assert.Equal("3", batch.Records[2].Dynamodb!.SequenceNumber);
    }

    [Fact]
    public void An_unreadable_record_is_written_back_as_it_arrived()
    {
        const string bad = """{"eventID":"bad","dynamodb":{"ApproximateCreationDateTime":"yesterday"}}""";
        var batch = Read("""{"Records":[""" + bad + "]}");

        var written = JsonNode.Parse(JsonSerializer.Serialize(batch, LambdaContractsJsonContext.Default.DynamoDBEvent))!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(bad), written["Records"]![0]));
    }

    [Fact]
    public void Records_that_are_not_an_array_still_fail_the_batch() =>
        Assert.Throws<JsonException>(() => Read("""{"Records":{"eventID":"1"}}"""));

    private static DynamoDBEvent Read(string json) => JsonSerializer.Deserialize(json, LambdaContractsJsonContext.Default.DynamoDBEvent)!;
}
