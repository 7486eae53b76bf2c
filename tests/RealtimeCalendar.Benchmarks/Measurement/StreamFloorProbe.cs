using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using RealtimeCalendar.Aws.Signing;
using RealtimeCalendar.Aws.Tables;
using RealtimeCalendar.Local.Hosting;
using RealtimeCalendar.Local.Streams;

namespace RealtimeCalendar.Benchmarks.Measurement;

/// <summary>
/// Measures <see cref="StreamFloor"/>: sequential PutItems on a scratch table with a NEW_AND_OLD_IMAGES stream, each waited
/// for until the poller delivers it, so the figure is the stream's own latency and not a queue behind earlier writes.
/// </summary>
public static class StreamFloorProbe
{
    private const string KeyAttribute = "id";
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(2);

    private static readonly TableDefinition ProbeTable = new(
        "bench-floor",
        Aws.Tables.KeyAttribute.Text(KeyAttribute),
        SortKey: null,
        Indexes: [],
        TimeToLiveAttribute: null,
        StreamNewAndOldImages: true,
        PointInTimeRecovery: false);

    public static async Task<StreamFloor> MeasureAsync(LocalCloud cloud, int writes, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var dynamoDb = cloud.Services.DynamoDb;
        var settings = cloud.Services.Settings;
        var tableName = cloud.Tables.Events + "-bench-floor";
        await new TableProvisioner(dynamoDb).EnsureAsync(ProbeTable, tableName, cancellationToken);

        using var streamsHttp = new HttpClient();
        var recorder = new StreamArrivalRecorder(KeyAttribute);
        var poller = new StreamEventSourceMapping(
            new DynamoDbStreamsClient(
                streamsHttp,
                settings.DynamoDbEndpoint ?? throw new InvalidOperationException("The local cloud has no DynamoDB Local endpoint."),
                SigV4RequestSigner.ForLocalCloud(settings.Region, TimeProvider.System)),
            async ct => (await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, ct)).Table.LatestStreamArn,
            recorder,
            new StreamEventSourceMappingOptions { FunctionName = "bench-floor" },
            loggerFactory.CreateLogger<StreamEventSourceMapping>());

        var fromResponse = new List<double>();
        var roundTrip = new List<double>();
        var lost = 0;
        poller.Start();
        try
        {
            await poller.Listening.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            for (var i = 0; i < writes; i++)
            {
                var key = "probe-" + i.ToString(CultureInfo.InvariantCulture);
                var arrival = recorder.ArrivalOf(key);
                var sentAt = Stopwatch.GetTimestamp();
                await dynamoDb.PutItemAsync(
                    new PutItemRequest
                    {
                        TableName = tableName,
                        Item = new() { [KeyAttribute] = new AttributeValue { S = key }, ["n"] = new AttributeValue { N = i.ToString(CultureInfo.InvariantCulture) } },
                    },
                    cancellationToken);
                var respondedAt = Stopwatch.GetTimestamp();
                roundTrip.Add(Stopwatch.GetElapsedTime(sentAt, respondedAt).TotalMilliseconds);
                try
                {
                    var arrivedAt = await arrival.WaitAsync(ArrivalTimeout, cancellationToken);
                    fromResponse.Add((arrivedAt - respondedAt) * 1000.0 / Stopwatch.Frequency);
                }
                catch (TimeoutException)
                {
                    lost++;
                }
            }
        }
        finally
        {
            await poller.DisposeAsync();
            await dynamoDb.DeleteTableAsync(new DeleteTableRequest { TableName = tableName }, CancellationToken.None);
        }

        return new StreamFloor(LatencySummary.Of(fromResponse), LatencySummary.Of(roundTrip), lost);
    }
}
