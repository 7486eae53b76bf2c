using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Aws.Signing;
using RealtimeCalendar.Aws.Tables;
using RealtimeCalendar.Local.Streams;

namespace RealtimeCalendar.EndToEnd.Tests.Chaos;

/// <summary>DynamoDB Local killed and started again under a running stream poller, with writes going on around it.</summary>
public sealed class DynamoDbRestartTests
{
    private const int Items = 3;
    private const int Writes = 45;

    private static readonly TableDefinition Table = new(
        "restart-probe", KeyAttribute.Text("id"), SortKey: null, Indexes: [], TimeToLiveAttribute: null, StreamNewAndOldImages: true, PointInTimeRecovery: false);

    [Fact]
    public async Task The_stream_poller_resumes_after_a_restart_without_losing_or_reordering_records_of_an_item()
    {
        await using var local = await PersistedLocalCloud.StartAsync();
        var cloud = local.Cloud;
        var dynamoDb = cloud.Services.DynamoDb;
        var settings = cloud.Services.Settings;
        var tableName = $"{cloud.Tables.Events}-restart-{Guid.NewGuid():N}";
        await new TableProvisioner(dynamoDb).EnsureAsync(Table, tableName, CancellationToken.None);
        using var http = new HttpClient();
        var lambda = new SequenceRecordingLambda();
        // Not behind the local cloud's invocation gate: this poller meets the restart head on.
        await using var mapping = new StreamEventSourceMapping(
            new DynamoDbStreamsClient(http, settings.DynamoDbEndpoint!, SigV4RequestSigner.ForLocalCloud(settings.Region, TimeProvider.System)),
            async ct => (await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, ct)).Table.LatestStreamArn,
            lambda,
            new StreamEventSourceMappingOptions { FunctionName = "restart-probe", RetryBaseDelay = TimeSpan.FromMilliseconds(20) },
            NullLogger<StreamEventSourceMapping>.Instance);
        mapping.Start();
        await mapping.Listening.WaitAsync(TimeSpan.FromSeconds(30));

        Task? restart = null;
        for (var n = 1; n <= Writes; n++)
        {
            await WriteUntilStoredAsync(dynamoDb, tableName, $"item-{n % Items}", n);
            if (n == Writes / 3)
                restart = cloud.Faults.RestartDynamoDbLocalAsync(CancellationToken.None);
        }

        await restart!;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (lambda.Count < Writes && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        Assert.Equal(1, cloud.Faults.DynamoDbRestarts);
        Assert.True(mapping.ReadFailures > 0, "The poller never noticed the restart, so this run proves nothing about resuming.");
        for (var item = 0; item < Items; item++)
        {
            var expected = Enumerable.Range(1, Writes).Where(n => n % Items == item).ToList();
            Assert.Equal(expected, lambda.Of($"item-{item}"));
        }
    }

    /// <summary>
    /// Writes <c>n</c> to the item, retrying while DynamoDB Local is down. The condition makes a retry of a write that
    /// did land (its answer lost in the kill) a no-op, so each n is in the stream exactly once.
    /// </summary>
    private static async Task WriteUntilStoredAsync(Amazon.DynamoDBv2.IAmazonDynamoDB dynamoDb, string tableName, string id, int n)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                await dynamoDb.PutItemAsync(new PutItemRequest
                {
                    TableName = tableName,
                    Item = new() { ["id"] = new AttributeValue { S = id }, ["n"] = new AttributeValue { N = n.ToString(CultureInfo.InvariantCulture) } },
                    ConditionExpression = "attribute_not_exists(n) OR n < :n",
                    ExpressionAttributeValues = new() { [":n"] = new AttributeValue { N = n.ToString(CultureInfo.InvariantCulture) } },
                });
                return;
            }
            catch (ConditionalCheckFailedException)
            {
                return;
            }
            catch (Exception exception) when (exception is not ConditionalCheckFailedException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }
}
