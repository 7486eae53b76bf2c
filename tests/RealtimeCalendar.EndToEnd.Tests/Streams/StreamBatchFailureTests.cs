using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Aws.Signing;
using RealtimeCalendar.Aws.Tables;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.Local.Streams;

namespace RealtimeCalendar.EndToEnd.Tests.Streams;

/// <summary>How the stream poller handles a function that fails a whole batch (throws), on a table of its own.</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class StreamBatchFailureTests(LocalCloudFixture fixture)
{
    private static readonly TableDefinition Table = new(
        "bisect-probe", KeyAttribute.Text("id"), SortKey: null, Indexes: [], TimeToLiveAttribute: null, StreamNewAndOldImages: true, PointInTimeRecovery: false);

    [Fact]
    public async Task A_failing_batch_is_split_until_the_bad_record_is_alone_and_the_rest_is_delivered_in_order()
    {
        var dynamoDb = fixture.Cloud.Services.DynamoDb;
        var settings = fixture.Cloud.Services.Settings;
        var tableName = $"{fixture.Cloud.Tables.Events}-bisect-{Guid.NewGuid():N}";
        await new TableProvisioner(dynamoDb).EnsureAsync(Table, tableName, CancellationToken.None);
        using var http = new HttpClient();
        var lambda = new PoisonRecordLambda();
        var mapping = new StreamEventSourceMapping(
            new DynamoDbStreamsClient(http, settings.DynamoDbEndpoint!, SigV4RequestSigner.ForLocalCloud(settings.Region, TimeProvider.System)),
            async ct => (await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, ct)).Table.LatestStreamArn,
            lambda,
            new StreamEventSourceMappingOptions { FunctionName = "bisect-probe", MaximumRetryAttempts = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(10) },
            NullLogger<StreamEventSourceMapping>.Instance);
        try
        {
            mapping.Start();
            await mapping.Listening.WaitAsync(TimeSpan.FromSeconds(30));

            await PutAsync(tableName, "first");
            await lambda.FirstInvoked.WaitAsync(TimeSpan.FromSeconds(30));
            foreach (var id in new[] { "a", "b", PoisonRecordLambda.Poison, "c", "d" })
                await PutAsync(tableName, id);
            lambda.Release();

            var delivered = new List<string>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (delivered.Count < 5)
                delivered.Add(await lambda.Keys.ReadAsync(timeout.Token));

            Assert.Equal(["first", "a", "b", "c", "d"], delivered);
            Assert.Equal(1, mapping.RecordsGivenUp);
        }
        finally
        {
            await mapping.DisposeAsync();
            await dynamoDb.DeleteTableAsync(new DeleteTableRequest { TableName = tableName });
        }
    }

    private async Task PutAsync(string tableName, string id) =>
        await fixture.Cloud.Services.DynamoDb.PutItemAsync(
            new PutItemRequest { TableName = tableName, Item = new() { ["id"] = new AttributeValue { S = id } } }, CancellationToken.None);
}
