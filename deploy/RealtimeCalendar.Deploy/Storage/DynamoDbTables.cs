using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Constructs;
using RealtimeCalendar.Aws.Tables;
using Attribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace RealtimeCalendar.Deploy.Storage;

/// <summary>
/// The product's tables, built from <see cref="CalendarTables"/> (the same definitions the local cloud creates):
/// on demand, keys, indexes, TTL, stream and point-in-time recovery exactly as defined there.
/// </summary>
public sealed class DynamoDbTables : Construct
{
    private readonly Dictionary<TableDefinition, Table> tables = [];

    public DynamoDbTables(Construct scope, string id)
        : base(scope, id)
    {
        foreach (var definition in CalendarTables.All)
            tables[definition] = Create(definition);
    }

    public Table Events => this[CalendarTables.Events];

    public Table Connections => this[CalendarTables.Connections];

    public Table Sessions => this[CalendarTables.Sessions];

    public Table PushSubscriptions => this[CalendarTables.PushSubscriptions];
    public Table Reminders => this[CalendarTables.Reminders];

    public Table this[TableDefinition definition] =>
        tables.TryGetValue(definition, out var table)
            ? table
            : throw new ArgumentException($"Table '{definition.LogicalName}' is not one of CalendarTables.All.", nameof(definition));

    /// <summary>The construct id of a table, e.g. <c>Events</c> for <c>events</c>.</summary>
    public static string ConstructId(TableDefinition definition) =>
        char.ToUpperInvariant(definition.LogicalName[0]) + definition.LogicalName[1..];

    private Table Create(TableDefinition definition)
    {
        var table = new Table(this, ConstructId(definition), new TableProps
        {
            BillingMode = BillingMode.PAY_PER_REQUEST,
            PartitionKey = ToAttribute(definition.PartitionKey),
            SortKey = definition.SortKey is { } sortKey ? ToAttribute(sortKey) : null,
            TimeToLiveAttribute = definition.TimeToLiveAttribute,
            Stream = definition.StreamNewAndOldImages ? StreamViewType.NEW_AND_OLD_IMAGES : null,
            PointInTimeRecovery = definition.PointInTimeRecovery,
            // Events are the user's data: they outlive the stack (see deploy/README.md on deleting them).
            // Connections and sessions are ephemeral (TTL of minutes to hours) and go with the stack; so do push subscriptions,
            // which a browser makes again when the user turns reminders on, and reminders (a day of fired ones, and the
            // default-reminder settings, which a user sets again in a new deployment).
            RemovalPolicy = definition == CalendarTables.Events ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });

        foreach (var index in definition.Indexes)
        {
            if (index.IsLocal)
            {
                table.AddLocalSecondaryIndex(new LocalSecondaryIndexProps
                {
                    IndexName = index.Name,
                    SortKey = ToAttribute(index.SortKey ?? throw new InvalidOperationException($"Local index {index.Name} needs a sort key.")),
                    ProjectionType = ProjectionType.ALL,
                });
            }
            else
            {
                table.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
                {
                    IndexName = index.Name,
                    PartitionKey = ToAttribute(index.PartitionKey),
                    SortKey = index.SortKey is { } indexSortKey ? ToAttribute(indexSortKey) : null,
                    ProjectionType = ProjectionType.ALL,
                });
            }
        }

        return table;
    }

    private static Attribute ToAttribute(KeyAttribute key) => new()
    {
        Name = key.Name,
        Type = key.Type == KeyAttributeType.Numeric ? AttributeType.NUMBER : AttributeType.STRING,
    };
}
