using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace RealtimeCalendar.Aws.Tables;

/// <summary>
/// Creates missing tables from their <see cref="TableDefinition"/> (the local cloud and test fixtures use it;
/// on AWS the CDK stack creates the same tables from the same definitions).
/// </summary>
public sealed class TableProvisioner(IAmazonDynamoDB dynamoDb)
{
    public async Task EnsureAsync(TableDefinition table, string physicalName, CancellationToken cancellationToken)
    {
        try
        {
            var existing = await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = physicalName }, cancellationToken);
            await AddMissingGlobalIndexesAsync(table, existing.Table, cancellationToken);
            return;
        }
        catch (ResourceNotFoundException)
        {
        }

        try
        {
            await dynamoDb.CreateTableAsync(ToCreateRequest(table, physicalName), cancellationToken);
        }
        catch (ResourceInUseException)
        {
            // Another process created it between our describe and create.
        }

        if (table.TimeToLiveAttribute is { } ttl)
        {
            await dynamoDb.UpdateTimeToLiveAsync(
                new UpdateTimeToLiveRequest
                {
                    TableName = physicalName,
                    TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = ttl, Enabled = true },
                },
                cancellationToken);
        }
    }

    // A data folder from before an index was declared gets it added, as CloudFormation adds a new GSI to the deployed
    // table. (Local indexes can only be declared at creation, which is why later indexes are global.) DynamoDB Local
    // refuses writes while it backfills a new index, so this returns only once every index is ACTIVE.
    private async Task AddMissingGlobalIndexesAsync(TableDefinition table, TableDescription existing, CancellationToken cancellationToken)
    {
        var present = (existing.GlobalSecondaryIndexes ?? []).Select(i => i.IndexName).ToHashSet(StringComparer.Ordinal);
        var definitions = ToCreateRequest(table, existing.TableName);
        foreach (var index in definitions.GlobalSecondaryIndexes ?? [])
        {
            if (present.Contains(index.IndexName))
                continue;
            await dynamoDb.UpdateTableAsync(
                new UpdateTableRequest
                {
                    TableName = existing.TableName,
                    AttributeDefinitions = definitions.AttributeDefinitions,
                    GlobalSecondaryIndexUpdates =
                    [
                        new GlobalSecondaryIndexUpdate
                        {
                            Create = new CreateGlobalSecondaryIndexAction { IndexName = index.IndexName, KeySchema = index.KeySchema, Projection = index.Projection },
                        },
                    ],
                },
                cancellationToken);
            await WaitUntilActiveAsync(existing.TableName, index.IndexName, cancellationToken);
        }
    }

    private async Task WaitUntilActiveAsync(string tableName, string indexName, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var table = (await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken)).Table;
            if (table.GlobalSecondaryIndexes?.FirstOrDefault(i => i.IndexName == indexName) is { IndexStatus: var status } && status == IndexStatus.ACTIVE)
                return;
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        throw new TimeoutException($"Index {indexName} of {tableName} did not become active within a minute.");
    }

    public static CreateTableRequest ToCreateRequest(TableDefinition table, string physicalName)
    {
        var attributes = new Dictionary<string, KeyAttribute>();
        void Define(KeyAttribute? key)
        {
            if (key is not null)
                attributes[key.Name] = key;
        }

        Define(table.PartitionKey);
        Define(table.SortKey);
        foreach (var index in table.Indexes)
        {
            Define(index.PartitionKey);
            Define(index.SortKey);
        }

        var request = new CreateTableRequest
        {
            TableName = physicalName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = KeySchema(table.PartitionKey, table.SortKey),
            AttributeDefinitions = attributes.Values
                .Select(a => new AttributeDefinition(a.Name, a.Type == KeyAttributeType.Numeric ? ScalarAttributeType.N : ScalarAttributeType.S))
                .ToList(),
        };
        var local = table.Indexes.Where(i => i.IsLocal).ToList();
        var global = table.Indexes.Where(i => !i.IsLocal).ToList();
        if (local.Count > 0)
        {
            request.LocalSecondaryIndexes = local
                .Select(i => new LocalSecondaryIndex
                {
                    IndexName = i.Name,
                    KeySchema = KeySchema(i.PartitionKey, i.SortKey),
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                })
                .ToList();
        }

        if (global.Count > 0)
        {
            request.GlobalSecondaryIndexes = global
                .Select(i => new GlobalSecondaryIndex
                {
                    IndexName = i.Name,
                    KeySchema = KeySchema(i.PartitionKey, i.SortKey),
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                })
                .ToList();
        }

        if (table.StreamNewAndOldImages)
            request.StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES };
        return request;
    }

    private static List<KeySchemaElement> KeySchema(KeyAttribute partitionKey, KeyAttribute? sortKey)
    {
        var schema = new List<KeySchemaElement> { new(partitionKey.Name, KeyType.HASH) };
        if (sortKey is not null)
            schema.Add(new KeySchemaElement(sortKey.Name, KeyType.RANGE));
        return schema;
    }
}
