using Amazon.CDK.Assertions;
using RealtimeCalendar.Aws.Tables;
using RealtimeCalendar.Deploy.Tests.Synthesis;

namespace RealtimeCalendar.Deploy.Tests.Storage;

[Collection(SynthesisCollection.Name)]
public sealed class TableTests(SynthesizedStacks stacks)
{
    public static TheoryData<string> TableNames => [.. CalendarTables.All.Select(t => t.LogicalName)];

    [Theory]
    [MemberData(nameof(TableNames))]
    public void Each_table_definition_becomes_an_on_demand_table_with_its_keys_indexes_ttl_stream_and_recovery(string logicalName)
    {
        var definition = CalendarTables.All.Single(t => t.LogicalName == logicalName);
        var local = definition.Indexes.Where(i => i.IsLocal).ToList();
        var global = definition.Indexes.Where(i => !i.IsLocal).ToList();

        stacks.Default.Template.HasResourceProperties("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["BillingMode"] = "PAY_PER_REQUEST",
            ["KeySchema"] = KeySchema(definition.PartitionKey, definition.SortKey),
            ["LocalSecondaryIndexes"] = local.Count > 0 ? local.Select(Index).ToArray() : Match.Absent(),
            ["GlobalSecondaryIndexes"] = global.Count > 0 ? global.Select(Index).ToArray() : Match.Absent(),
            ["TimeToLiveSpecification"] = definition.TimeToLiveAttribute is { } ttl
                ? new Dictionary<string, object> { ["AttributeName"] = ttl, ["Enabled"] = true }
                : Match.Absent(),
            ["StreamSpecification"] = definition.StreamNewAndOldImages
                ? new Dictionary<string, object> { ["StreamViewType"] = "NEW_AND_OLD_IMAGES" }
                : Match.Absent(),
            ["PointInTimeRecoverySpecification"] = new Dictionary<string, object> { ["PointInTimeRecoveryEnabled"] = definition.PointInTimeRecovery },
            ["ProvisionedThroughput"] = Match.Absent(),
        });
    }

    [Fact]
    public void The_stack_has_exactly_the_defined_tables()
    {
        stacks.Default.Template.ResourceCountIs("AWS::DynamoDB::Table", CalendarTables.All.Count);
    }

    [Fact]
    public void Events_stream_new_and_old_images_and_connections_and_sessions_expire_by_ttl()
    {
        Assert.True(CalendarTables.Events.StreamNewAndOldImages);
        Assert.Equal("NEW_AND_OLD_IMAGES", (string?)TableProperties(CalendarTables.Events)["StreamSpecification"]?["StreamViewType"]);
        foreach (var expiring in new[] { CalendarTables.Connections, CalendarTables.Sessions })
            Assert.Equal(true, (bool?)TableProperties(expiring)["TimeToLiveSpecification"]?["Enabled"]);
    }

    [Fact]
    public void Only_the_events_table_outlives_the_stack()
    {
        foreach (var definition in CalendarTables.All)
        {
            var table = stacks.Default.Resources[stacks.Default.TableId(definition)]!;
            var expected = definition == CalendarTables.Events ? "Retain" : "Delete";
            Assert.Equal(expected, (string?)table["DeletionPolicy"]);
            Assert.Equal(expected, (string?)table["UpdateReplacePolicy"]);
        }
    }

    private System.Text.Json.Nodes.JsonNode TableProperties(TableDefinition definition) =>
        stacks.Default.Resources[stacks.Default.TableId(definition)]!["Properties"]!;

    private static object[] KeySchema(KeyAttribute partitionKey, KeyAttribute? sortKey) =>
        new[] { (partitionKey, "HASH"), (sortKey, "RANGE") }
            .Where(k => k.Item1 is not null)
            .Select(k => (object)new Dictionary<string, object> { ["AttributeName"] = k.Item1!.Name, ["KeyType"] = k.Item2 })
            .ToArray();

    private static object Index(TableIndex index) => new Dictionary<string, object>
    {
        ["IndexName"] = index.Name,
        ["KeySchema"] = KeySchema(index.PartitionKey, index.SortKey),
        ["Projection"] = new Dictionary<string, object> { ["ProjectionType"] = "ALL" },
    };
}
