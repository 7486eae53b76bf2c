using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.Local.Hosting;
using RealtimeCalendar.Local.Scheduler;

namespace RealtimeCalendar.EndToEnd.Tests.Reminders;

/// <summary>
/// The real local cloud whose reminder schedule runs on a fake clock: tests move the clock to a minute and the schedule
/// invokes the <c>reminders</c> function for it, with the Scheduler's event, as it does every minute on the real clock.
/// Everything else (tokens, sockets, the functions' own clocks) runs on real time; the clock only moves forward, so each
/// test picks its times after <see cref="Clock"/>'s present.
/// </summary>
public sealed class ReminderCloudFixture : IAsyncLifetime
{
    private static readonly TimeSpan RunWait = TimeSpan.FromSeconds(60);

    public FakeTimeProvider Clock { get; } = new(ReminderSchedule.MinuteOf(DateTimeOffset.UtcNow));

    public LocalCloud Cloud { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var options = TestCloudOptions.InMemory with { ReminderScheduleClock = Clock, ConnectionHandshakeGrace = TimeSpan.Zero };
        Cloud = await LocalCloud.StartAsync(options, NullLoggerFactory.Instance, CancellationToken.None);
    }

    public Task<TestUser> CreateUserAsync() => TestUser.CreateAsync(Cloud);

    /// <summary>Moves the clock to <paramref name="minute"/> and waits for the schedule's sweep of it to finish.</summary>
    public async Task<ScheduledRun> TickAsync(DateTimeOffset minute)
    {
        Assert.Equal(ReminderSchedule.MinuteOf(minute), minute);
        Clock.SetUtcNow(minute);
        var run = await Cloud.ReminderSchedule.WaitForRunAsync(minute, RunWait);
        Assert.Null(run.Error);
        return run;
    }

    /// <summary>The Scheduler's retry of a minute already swept: the same scheduled time again, attempt 2.</summary>
    public Task<ScheduledRun> RetryAsync(DateTimeOffset minute) => Cloud.ReminderSchedule.RunAsync(minute, attemptNumber: 2, CancellationToken.None);

    /// <summary>A whole minute a day or more after the clock's present, so a test's events lie ahead of every earlier test's.</summary>
    public DateTimeOffset Ahead(TimeSpan by) => ReminderSchedule.MinuteOf(Clock.GetUtcNow() + by);

    public async Task DisposeAsync()
    {
        if (Cloud is not null)
            await Cloud.DisposeAsync();
    }
}
