using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Benchmarks.Options;
using RealtimeCalendar.Benchmarks.Reporting;
using RealtimeCalendar.Benchmarks.Scenarios;
using RealtimeCalendar.Local.Hosting;
using Xunit.Abstractions;

namespace RealtimeCalendar.EndToEnd.Tests.Chaos;

/// <summary>
/// The benchmark's chaos run, small: 20 tabs over 4 users, ~10 s of writes with every fault switch on (rates higher
/// than the soak's, so a few seconds see each fault) and one DynamoDB Local restart. It starts its own local cloud.
/// </summary>
public sealed class ShortChaosRunTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_tab_ends_up_showing_what_the_table_holds_and_no_client_sees_a_5xx()
    {
        var options = new BenchmarkOptions
        {
            Scenario = BenchmarkScenario.Chaos,
            Sockets = 20,
            Users = 4,
            Writers = 4,
            WritesPerSecond = 10,
            Writes = 100,
            ConnectConcurrency = 10,
            OutputPath = Path.Combine(Path.GetTempPath(), $"rc-chaos-test-{Guid.NewGuid():N}.json"),
            ToolCacheDirectory = Path.Combine(LocalCloudCommandLine.DefaultDataDirectory(), "tools"),
            Chaos = new ChaosOptions
            {
                Duration = TimeSpan.FromSeconds(10),
                DynamoDbRestarts = 1,
                // Generous: a loaded 2-CPU machine may take long to drain; a tab that never converges still fails.
                ConvergenceTimeout = TimeSpan.FromSeconds(120),
                Faults = new LocalFaultOptions
                {
                    Seed = 11,
                    PostThrottleShare = 0.05,
                    PostServerErrorShare = 0.05,
                    SocketDropShare = 0.1,
                    SocketDropInterval = TimeSpan.FromSeconds(2),
                    LostDisconnectShare = 0.5,
                    NotifyFailureShare = 0.05,
                },
            },
        };

        using var log = new StringWriter();
        var report = await new ChaosRun(options, NullLoggerFactory.Instance, log).ExecuteAsync(CancellationToken.None);
        output.WriteLine(ChaosReportWriter.Render(report));

        Assert.Equal(0, report.ServerErrors);
        Assert.Equal(0, report.Comparison.DivergentEvents);
        Assert.Equal(0, report.Comparison.DivergentPairs);
        Assert.Equal(0, report.Comparison.TabsNotLive);
        Assert.Equal(0, report.Faults.StreamRecordsGivenUp);
        Assert.Equal(report.Cleanup.GoneConnections, report.Cleanup.CleanedAfter410);
        // Each fault really happened, or this run proved nothing about it.
        Assert.Equal(1, report.Faults.DynamoDbRestarts);
        Assert.True(report.Faults.PostFailuresInjected > 0, "No Management API post failed.");
        Assert.True(report.Faults.SocketsDropped > 0, "No socket was dropped.");
        Assert.True(report.Faults.NotifyFailuresInjected > 0, "No notify invocation failed.");
        Assert.True(report.Deliveries.Reconnects > 0, "No tab reconnected.");
    }
}
