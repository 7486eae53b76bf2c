using System.Collections.Concurrent;
using System.Text.Json;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.Functions;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.Scheduler;
using RealtimeCalendar.Local.Lambda;

namespace RealtimeCalendar.Local.Scheduler;

/// <summary>
/// Plays the stack's EventBridge Scheduler schedule (<c>rate(1 minute)</c>, target the <c>reminders</c> function): at
/// the start of every minute of <paramref name="clock"/> it invokes the function, in process or as a bootstrap process
/// alike, with the <see cref="SchedulerEvent"/> JSON the schedule's input template gives in the cloud. Invocations are
/// not awaited by the clock, as the Scheduler's asynchronous invocations are not: a slow sweep overlaps the next.
/// A clock that jumps (a test's fake clock) gets one invocation for the minute it lands in, as a schedule that was
/// paused resumes without replaying the minutes in between; the sweep itself catches up what is less than 15 minutes late.
/// </summary>
public sealed class LocalReminderSchedule(ILambdaInvoker lambda, TimeProvider clock, string scheduleArn, ILogger<LocalReminderSchedule> logger) : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<DateTimeOffset, TaskCompletionSource<ScheduledRun>> firstRuns = new();
    private readonly ConcurrentBag<Task> inFlight = [];
    private Task? loop;

    /// <summary>The clock the schedule ticks on.</summary>
    public TimeProvider Clock => clock;

    public void Start() => loop = Task.Run(() => TickLoopAsync(stopping.Token));

    /// <summary>
    /// Invokes the function for <paramref name="scheduledTime"/> now, as the schedule would (attempt
    /// <paramref name="attemptNumber"/>: the Scheduler sends the same scheduled time again when it retries).
    /// </summary>
    public async Task<ScheduledRun> RunAsync(DateTimeOffset scheduledTime, int attemptNumber, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(
            SchedulerEvent.For(scheduleArn, scheduledTime, Guid.NewGuid().ToString("N")[..16], attemptNumber), LambdaContractsJsonContext.Default.SchedulerEvent);
        ScheduledRun run;
        try
        {
            var result = await lambda.InvokeAsync(FunctionNames.Reminders, payload, cancellationToken);
            run = new ScheduledRun(scheduledTime, attemptNumber, JsonSerializer.Deserialize(result, FunctionsJsonContext.Default.ReminderSweepReport), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Lambda would count a function error (the errors alarm); the next minute's invocation sweeps on.
            logger.LogError(exception, "Reminder sweep for {ScheduledTime} failed", scheduledTime);
            run = new ScheduledRun(scheduledTime, attemptNumber, null, exception.Message);
        }

        firstRuns.GetOrAdd(scheduledTime, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(run);
        return run;
    }

    /// <summary>Waits until the schedule's (first) invocation for <paramref name="scheduledTime"/> has finished.</summary>
    public Task<ScheduledRun> WaitForRunAsync(DateTimeOffset scheduledTime, TimeSpan timeout) =>
        firstRuns.GetOrAdd(ReminderSchedule.MinuteOf(scheduledTime), _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            if (loop is not null)
                await loop;
            await Task.WhenAll(inFlight);
        }
        catch (OperationCanceledException)
        {
            // Expected on shutdown.
        }

        stopping.Dispose();
    }

    private async Task TickLoopAsync(CancellationToken cancellationToken)
    {
        var last = DateTimeOffset.MinValue;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow();
            var next = ReminderSchedule.MinuteOf(now).AddMinutes(1);
            await Task.Delay(next - now, clock, cancellationToken);
            var minute = ReminderSchedule.MinuteOf(clock.GetUtcNow());
            if (minute <= last)
                continue;
            last = minute;
            inFlight.Add(Task.Run(() => RunAsync(minute, attemptNumber: 1, cancellationToken), CancellationToken.None));
        }
    }
}
