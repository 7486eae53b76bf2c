using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.Scheduler;
using RealtimeCalendar.Lambda.Hosting;

namespace RealtimeCalendar.Functions.Reminders;

/// <summary>
/// <c>reminders</c>: invoked once a minute by EventBridge Scheduler (the local cloud's scheduler sends the same event),
/// sweeps what is due at the schedule's time. An event without a readable <c>scheduledTime</c> fails the invocation
/// (the schedule is misconfigured: the errors alarm says so). Users it cannot start before its own deadline are left
/// to the next sweep, a minute later.
/// </summary>
public sealed class ReminderSweepFunction(ReminderSweep sweep, ILogger<ReminderSweepFunction> logger)
    : JsonLambdaFunction<SchedulerEvent, ReminderSweepReport>(
        LambdaContractsJsonContext.Default.SchedulerEvent,
        FunctionsJsonContext.Default.ReminderSweepReport)
{
    /// <summary>Time kept back from the invocation's deadline for the users already started to finish.</summary>
    public static readonly TimeSpan DeadlineReserve = TimeSpan.FromSeconds(15);

    protected override async Task<ReminderSweepReport> HandleAsync(SchedulerEvent request, LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        if (request.ScheduledInstant() is not { } scheduledTime)
        {
            logger.LogError("Scheduler event {ExecutionId} has no usable scheduledTime ({ScheduledTime}); check the schedule's input", request.ExecutionId, request.ScheduledTime);
            throw new FormatException($"The scheduler event carries no ISO-8601 scheduledTime: '{request.ScheduledTime}'.");
        }

        logger.LogInformation(
            "Sweep for {ScheduledTime} (execution {ExecutionId}, attempt {AttemptNumber}) in {RequestId}",
            scheduledTime, request.ExecutionId, request.AttemptNumber, invocation.RequestId);
        return await sweep.RunAsync(scheduledTime, invocation.Deadline - DeadlineReserve, cancellationToken);
    }
}
