using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Scheduler;
using Constructs;
using RealtimeCalendar.Lambda.Contracts.Scheduler;

namespace RealtimeCalendar.Deploy.Scheduling;

/// <summary>
/// The clock of the reminder sweep: one EventBridge Scheduler schedule, <c>rate(1 minute)</c>, invoking the
/// <c>reminders</c> function with <see cref="SchedulerEvent.InputTemplate"/> (the scheduled time filled in by the
/// Scheduler). Its role may invoke that one function and nothing else, and only this account's Scheduler may assume
/// it. A failed sweep is retried by nobody: the next one, a minute later, takes everything still due.
/// </summary>
public sealed class ReminderSweepSchedule : Construct
{
    public const string Expression = "rate(1 minute)";

    public ReminderSweepSchedule(Construct scope, string id, IFunction sweep)
        : base(scope, id)
    {
        var stack = Stack.Of(this);
        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("scheduler.amazonaws.com", new ServicePrincipalOpts
            {
                // The confused-deputy guard AWS recommends for Scheduler execution roles.
                Conditions = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = stack.Account },
                },
            }),
            Description = "RealtimeCalendar reminder schedule: may invoke the reminders function only",
        });
        Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["lambda:InvokeFunction"],
            Resources = [sweep.FunctionArn],
        }));

        Schedule = new CfnSchedule(this, "Schedule", new CfnScheduleProps
        {
            Description = "RealtimeCalendar: sweep due reminders once a minute",
            ScheduleExpression = Expression,
            FlexibleTimeWindow = new CfnSchedule.FlexibleTimeWindowProperty { Mode = "OFF" },
            State = "ENABLED",
            Target = new CfnSchedule.TargetProperty
            {
                Arn = sweep.FunctionArn,
                RoleArn = Role.RoleArn,
                Input = SchedulerEvent.InputTemplate,
                // A late sweep is worth nothing once the next is due; the sweep catches up what is under 15 minutes late.
                RetryPolicy = new CfnSchedule.RetryPolicyProperty { MaximumRetryAttempts = 0, MaximumEventAgeInSeconds = 60 },
            },
        });

        // The Scheduler invokes asynchronously; Lambda's own retries of a failed sweep would only repeat an old minute.
        sweep.ConfigureAsyncInvoke(new EventInvokeConfigOptions { RetryAttempts = 0, MaxEventAge = Duration.Minutes(1) });
    }

    public Role Role { get; }

    public CfnSchedule Schedule { get; }
}
