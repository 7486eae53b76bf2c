using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.DynamoDb;

namespace RealtimeCalendar.Lambda.Tests.AwsSamples;

/// <summary>
/// Every sample AWS publishes for the shapes the functions receive or return is read by our contracts, without a
/// record lost, and written back with every field the contract carries unchanged.
/// </summary>
public sealed class AwsEventSampleTests
{
    private static readonly LambdaContractsJsonContext Json = LambdaContractsJsonContext.Default;

    /// <summary>The contract each sample is read with, and the sample fields the contract deliberately does not carry.</summary>
    private static readonly Dictionary<string, (JsonTypeInfo Type, string[] Ignored)> Contracts = new(StringComparer.Ordinal)
    {
        ["dynamodb-batchitemfailures-response.json"] = (Json.StreamsEventResponse, []),
        ["dynamodb-event.json"] = (Json.DynamoDBEvent, []),
        // Stream records read through Kinesis: the millisecond time is written back in seconds (the shape Lambda uses).
        ["dynamodb-with-ms-event.json"] = (Json.DynamoDBEvent, ["$.Records[0].dynamodb.ApproximateCreationDateTime"]),
        // Tumbling-window fields: our stream mappings use no windows, so the contract ignores them.
        ["dynamodb-timewindow-event.json"] = (Json.DynamoDBEvent, ["$.window", "$.state", "$.shardId", "$.eventSourceARN", "$.isFinalInvokeForWindow", "$.isWindowTerminatedEarly"]),
        ["http-api-v2-request.json"] = (Json.APIGatewayHttpApiV2ProxyRequest, []),
        ["websocket-api-connect-request.json"] = (Json.APIGatewayProxyRequest, []),
    };

    public static TheoryData<string> SampleFiles => [.. AwsEventSamples.FileNames];

    [Fact]
    public void Every_sample_file_has_a_contract_and_every_contract_its_sample() =>
        Assert.Equal(Contracts.Keys.Order(StringComparer.Ordinal), AwsEventSamples.FileNames);

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Sample_round_trips_through_its_contract(string fileName)
    {
        var (type, ignored) = Contracts[fileName];
        var original = JsonNode.Parse(AwsEventSamples.Read(fileName))!;

        var read = JsonSerializer.Deserialize(original.ToJsonString(), type);
        var written = JsonNode.Parse(JsonSerializer.Serialize(read, type))!;

        var differences = Differences(original, written).Where(path => !ignored.Contains(path)).ToList();
        Assert.True(differences.Count == 0, $"{fileName}: changed or lost in the round trip: {string.Join(", ", differences)}");
        // Written once, our own JSON reads back to the same JSON (what the local cloud sends is what it reads).
        Assert.Equal(written.ToJsonString(), JsonSerializer.Serialize(JsonSerializer.Deserialize(written.ToJsonString(), type), type));
    }

    [Theory]
    [InlineData("dynamodb-event.json", 2)]
    [InlineData("dynamodb-with-ms-event.json", 2)]
    [InlineData("dynamodb-timewindow-event.json", 3)]
    public void Every_record_of_a_stream_sample_is_read(string fileName, int records)
    {
        var batch = JsonSerializer.Deserialize(AwsEventSamples.Read(fileName), Json.DynamoDBEvent)!;

        Assert.Equal(records, batch.Records!.Count);
        Assert.All(batch.Records, r => Assert.Null(r.ReadError));
        Assert.All(batch.Records, r => Assert.False(string.IsNullOrEmpty(r.Dynamodb!.SequenceNumber)));
    }

    [Fact]
    public void Millisecond_and_second_creation_times_of_the_same_moment_read_alike()
    {
        var batch = JsonSerializer.Deserialize(AwsEventSamples.Read("dynamodb-with-ms-event.json"), Json.DynamoDBEvent)!;

        var expected = DateTimeOffset.FromUnixTimeSeconds(1480642020);
        Assert.Equal(expected, batch.Records![0].Dynamodb!.ApproximateCreationDateTime);
        Assert.Equal(expected, batch.Records[1].Dynamodb!.ApproximateCreationDateTime);
    }

    /// <summary>JSONPaths of values in <paramref name="expected"/> that <paramref name="actual"/> lacks or has otherwise (and of extra ones).</summary>
    private static IEnumerable<string> Differences(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        switch (expected)
        {
            case JsonObject expectedObject when actual is JsonObject actualObject:
                foreach (var (name, value) in expectedObject)
                {
                    foreach (var difference in Differences(value, actualObject[name], $"{path}.{name}"))
                        yield return difference;
                }

                foreach (var (name, _) in actualObject.Where(p => !expectedObject.ContainsKey(p.Key)))
                    yield return $"{path}.{name} (added)";
                break;
            case JsonArray expectedArray when actual is JsonArray actualArray && expectedArray.Count == actualArray.Count:
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    foreach (var difference in Differences(expectedArray[i], actualArray[i], $"{path}[{i}]"))
                        yield return difference;
                }

                break;
            default:
                if (!JsonNode.DeepEquals(expected, actual))
                    yield return path;
                break;
        }
    }
}
