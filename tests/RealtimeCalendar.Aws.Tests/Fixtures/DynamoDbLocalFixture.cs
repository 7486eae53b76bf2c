using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Aws.Events;
using RealtimeCalendar.Aws.Reminders;
using RealtimeCalendar.Aws.Tables;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.Local.DynamoDbLocal;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Aws.Tests.Fixtures;

/// <summary>One in-memory DynamoDB Local for the whole test run, with the product's tables created from their definitions.</summary>
public sealed class DynamoDbLocalFixture : IAsyncLifetime
{
    private DynamoDbLocalProcess? process;

    public AmazonDynamoDBClient Client { get; private set; } = null!;

    public TableNames Tables { get; } = TableNames.WithPrefix("test-");

    public async Task InitializeAsync()
    {
        var toolCache = Path.Combine(LocalCloudCommandLine.DefaultDataDirectory(), "tools");
        var emulator = await new DynamoDbLocalInstaller(toolCache, NullLogger<DynamoDbLocalInstaller>.Instance).EnsureInstalledAsync(CancellationToken.None);
        process = await DynamoDbLocalProcess.StartAsync(emulator, dataDirectory: null, FreePort.Find(), NullLogger.Instance, CancellationToken.None);
        Client = new AmazonDynamoDBClient(
            new BasicAWSCredentials("test", "test"),
            new AmazonDynamoDBConfig { ServiceURL = process.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });

        var provisioner = new TableProvisioner(Client);
        foreach (var table in CalendarTables.All)
            await provisioner.EnsureAsync(table, "test-" + table.LogicalName, CancellationToken.None);
    }

    /// <summary>The Events store as the functions build it: every write plans its next reminder, reading defaults from the Reminders table.</summary>
    public DynamoDbEventStore CreateEventStore(TimeProvider? time = null) =>
        new(Client, Tables.Events, new ReminderPlanner(new DynamoDbReminderSettingsStore(Client, Tables.Reminders), time ?? TimeProvider.System));

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (process is not null)
            await process.DisposeAsync();
    }
}
