using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.EndToEnd.Tests.Chaos;

/// <summary>The fault switches' flags of <c>dotnet run --project src/RealtimeCalendar.Local</c>.</summary>
public sealed class FaultCommandLineTests
{
    [Fact]
    public void Every_fault_is_off_without_flags()
    {
        var options = LocalCloudCommandLine.Parse([], "/data");

        Assert.False(options.Faults.AnyOn);
    }

    [Fact]
    public void Fault_flags_set_the_named_switches()
    {
        var options = LocalCloudCommandLine.Parse(
            ["--fault-seed", "7", "--fault-post-429", "0.1", "--fault-post-500", "0.05", "--fault-drop-sockets", "0.2", "--fault-drop-interval", "3",
             "--fault-lost-disconnect", "0.5", "--fault-notify", "0.01", "--fault-restart-dynamodb", "90"],
            "/data");

        Assert.Equal(
            new LocalFaultOptions
            {
                Seed = 7,
                PostThrottleShare = 0.1,
                PostServerErrorShare = 0.05,
                SocketDropShare = 0.2,
                SocketDropInterval = TimeSpan.FromSeconds(3),
                LostDisconnectShare = 0.5,
                NotifyFailureShare = 0.01,
                DynamoDbRestartInterval = TimeSpan.FromSeconds(90),
            },
            options.Faults);
    }

    [Theory]
    [InlineData("--fault-post-429", "1.5")]
    [InlineData("--fault-notify", "-0.1")]
    [InlineData("--fault-drop-interval", "0")]
    public void A_share_outside_0_to_1_or_a_non_positive_interval_is_refused(string flag, string value)
    {
        Assert.Throws<ArgumentException>(() => LocalCloudCommandLine.Parse([flag, value], "/data"));
    }

    [Fact]
    public void Restarting_DynamoDB_Local_is_refused_with_in_memory_data()
    {
        var error = Assert.Throws<ArgumentException>(() => LocalCloudCommandLine.Parse(["--in-memory", "--fault-restart-dynamodb", "60"], "/data"));

        Assert.Contains("persisted data", error.Message, StringComparison.Ordinal);
    }
}
