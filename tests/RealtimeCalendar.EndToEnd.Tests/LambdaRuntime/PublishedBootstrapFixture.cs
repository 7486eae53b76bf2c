using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.EndToEnd.Tests.LambdaRuntime;

/// <summary>
/// A local cloud in <c>--lambda process</c> mode that publishes the Native AOT <c>bootstrap</c> itself (into the
/// repository's tool cache, as <c>dotnet run --project src/RealtimeCalendar.Local -- --lambda process</c> does): the
/// binary the image ships, in the Lambda sandbox. One test class per instance, so its processes start fresh.
/// </summary>
public sealed class PublishedBootstrapFixture : IAsyncLifetime
{
    public LocalCloud Cloud { get; private set; } = null!;

    /// <summary>The reminder schedule's clock; tests that do not move it never see a sweep.</summary>
    public FakeTimeProvider ReminderClock { get; } = new(ReminderSchedule.MinuteOf(DateTimeOffset.UtcNow));

    public async Task InitializeAsync()
    {
        var options = TestCloudOptions.InMemory with
        {
            Lambda = LambdaMode.Process,
            ReminderScheduleClock = ReminderClock,
        };
        Cloud = await LocalCloud.StartAsync(options, NullLoggerFactory.Instance, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (Cloud is not null)
            await Cloud.DisposeAsync();
    }
}
