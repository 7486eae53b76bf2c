using System.Text.Json;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.DynamoDb;

namespace RealtimeCalendar.Lambda.Tests.Contracts;

public sealed class StreamsEventResponseContractTests
{
    [Fact]
    public void Failed_records_serialize_as_batch_item_failures_with_item_identifiers()
    {
        var response = new StreamsEventResponse
        {
            BatchItemFailures =
            [
                new StreamsEventResponse.BatchItemFailure { ItemIdentifier = "222000000000000000000002" },
                new StreamsEventResponse.BatchItemFailure { ItemIdentifier = "333000000000000000000003" },
            ],
        };

        var json = JsonSerializer.Serialize(response, LambdaContractsJsonContext.Default.StreamsEventResponse);

        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"222000000000000000000002"},{"itemIdentifier":"333000000000000000000003"}]}""", json);
    }

    [Fact]
    public void Fully_delivered_batch_serializes_as_an_empty_failure_list()
    {
        var json = JsonSerializer.Serialize(new StreamsEventResponse(), LambdaContractsJsonContext.Default.StreamsEventResponse);

        Assert.Equal("""{"batchItemFailures":[]}""", json);
    }

    [Fact]
    public void Response_reads_back_what_the_local_cloud_receives()
    {
        var response = JsonSerializer.Deserialize(
            """{"batchItemFailures":[{"itemIdentifier":"111"}]}""", LambdaContractsJsonContext.Default.StreamsEventResponse)!;

        Assert.Equal("111", Assert.Single(response.BatchItemFailures).ItemIdentifier);
    }
}
