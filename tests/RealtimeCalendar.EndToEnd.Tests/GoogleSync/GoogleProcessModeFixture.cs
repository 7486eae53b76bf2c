using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.EndToEnd.Tests.GoogleSync;

/// <summary>Google sync configured as in <see cref="GoogleLocalCloudFixture"/>, with every function a child process.</summary>
public sealed class GoogleProcessModeFixture : GoogleLocalCloudFixture
{
    protected override LocalCloudOptions Adjust(LocalCloudOptions options) => options with
    {
        Lambda = LambdaMode.Process,
        BootstrapPath = BuildOutput.Of("RealtimeCalendar.Functions", "bootstrap"),
        GoogleBootstrapPath = BuildOutput.Of("RealtimeCalendar.GoogleBootstrap", "google-bootstrap"),
    };
}
