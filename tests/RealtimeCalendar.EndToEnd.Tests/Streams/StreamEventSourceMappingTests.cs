using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Aws.Signing;
using RealtimeCalendar.Aws.Tables;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.Local.Streams;

namespace RealtimeCalendar.EndToEnd.Tests.Streams;

/// <summary>The stream poller against DynamoDB Local's real stream, on a table of its own so no other test's writes interfere.</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class StreamEventSourceMappingTests(LocalCloudFixture fixture)
{
    private static readonly TableDefinition Table = new(
        "stream-probe", KeyAttribute.Text("id"), SortKey: null, Indexes: [], TimeToLiveAttribute: null, StreamNewAndOldImages: true, PointInTimeRecovery: false);

    [Fact]
    public async Task The_first_record_of_a_shard_is_delivered_after_other_tables_were_written()
    {
        // DynamoDB Local rejects an iterator taken on an empty shard once any other table changes; the poller must not lose the record.
        await using var probe = await StartAsync();

        await fixture.Cloud.Services.Tickets.IssueAsync("someone-else", CancellationToken.None);
        await probe.PutAsync("first");

        Assert.Equal("first", await probe.NextKeyAsync());
    }

    [Fact]
    public async Task Records_written_before_the_poller_started_are_not_delivered()
    {
        var tableName = NewTableName();
        await new TableProvisioner(fixture.Cloud.Services.DynamoDb).EnsureAsync(Table, tableName, CancellationToken.None);
        await PutAsync(tableName, "before");
        await using var probe = await StartAsync(tableName);

        await probe.PutAsync("after");

        Assert.Equal("after", await probe.NextKeyAsync());
    }

    private string NewTableName() => $"{fixture.Cloud.Tables.Events}-probe-{Guid.NewGuid():N}";

    private async Task PutAsync(string tableName, string id) =>
        await fixture.Cloud.Services.DynamoDb.PutItemAsync(
            new PutItemRequest { TableName = tableName, Item = new() { ["id"] = new AttributeValue { S = id } } }, CancellationToken.None);

    private async Task DeleteTableAsync(string tableName) =>
        await fixture.Cloud.Services.DynamoDb.DeleteTableAsync(new DeleteTableRequest { TableName = tableName });

    private async Task<Probe> StartAsync(string? existingTable = null)
    {
        var dynamoDb = fixture.Cloud.Services.DynamoDb;
        var settings = fixture.Cloud.Services.Settings;
        var tableName = existingTable ?? NewTableName();
        await new TableProvisioner(dynamoDb).EnsureAsync(Table, tableName, CancellationToken.None);
        var http = new HttpClient();
        var lambda = new RecordingLambda();
        var mapping = new StreamEventSourceMapping(
            new DynamoDbStreamsClient(http, settings.DynamoDbEndpoint!, SigV4RequestSigner.ForLocalCloud(settings.Region, TimeProvider.System)),
            async ct => (await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, ct)).Table.LatestStreamArn,
            lambda,
            new StreamEventSourceMappingOptions { FunctionName = "probe" },
            NullLogger<StreamEventSourceMapping>.Instance);
        mapping.Start();
        await mapping.Listening.WaitAsync(TimeSpan.FromSeconds(30));
        return new Probe(this, tableName, mapping, lambda, http);
    }

    private sealed class Probe(StreamEventSourceMappingTests test, string tableName, StreamEventSourceMapping mapping, RecordingLambda lambda, HttpClient http)
        : IAsyncDisposable
    {
        public Task PutAsync(string id) => test.PutAsync(tableName, id);

        public async Task<string> NextKeyAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            return await lambda.Keys.ReadAsync(timeout.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await mapping.DisposeAsync();
            http.Dispose();
            await test.DeleteTableAsync(tableName);
        }
    }
}
