using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Amazon.CDK.AWS.SQS;
using Constructs;
using RealtimeCalendar.Deploy.Functions;
using RealtimeCalendar.Functions.Routing;

namespace RealtimeCalendar.Deploy.Monitoring;

/// <summary>
/// A few alarms that mean "someone should look": any function error or throttle, notify falling behind the
/// stream, the reminder sweep not running, and a change that could not be delivered at all. With an alarm e-mail they
/// also notify.
/// </summary>
public sealed class OperationalAlarms : Construct
{
    /// <summary>Notify's records are this old (ms) when it is a minute behind the Events stream.</summary>
    public const double IteratorAgeThresholdMs = 60_000;

    private static readonly Duration Period = Duration.Minutes(5);

    public OperationalAlarms(Construct scope, string id, BootstrapFunctions functions, Queue failedChanges, string? alarmEmail)
        : base(scope, id)
    {
        Topic? topic = null;
        if (alarmEmail is not null)
        {
            topic = new Topic(this, "Topic", new TopicProps { DisplayName = "RealtimeCalendar alarms" });
            topic.AddSubscription(new EmailSubscription(alarmEmail));
        }

        foreach (var (name, function) in functions.ByName)
        {
            var prefix = ConstructNames.Pascal(name);
            Add(prefix + "Errors", function.MetricErrors(Sum()), 1, $"{name} failed an invocation", topic);
            Add(prefix + "Throttles", function.MetricThrottles(Sum()), 1, $"{name} was throttled", topic);
        }

        if (functions.Contains(FunctionNames.Notify))
        {
            var iteratorAge = functions[FunctionNames.Notify].Metric("IteratorAge", new MetricOptions { Period = Period, Statistic = "Maximum" });
            Add("NotifyIteratorAge", iteratorAge, IteratorAgeThresholdMs, "notify is more than a minute behind the Events stream", topic);
        }

        if (functions.Contains(FunctionNames.Reminders))
        {
            // Its errors and throttles alarm above; a schedule that stopped (disabled, or its role broken) throws no error
            // at all, so the sweep's silence is an alarm too: it runs every minute, five times in each period.
            var invocations = functions[FunctionNames.Reminders].MetricInvocations(Sum());
            Add("RemindersNotSweeping", invocations, 1, "the reminder sweep did not run for five minutes: reminders are not being sent", topic,
                ComparisonOperator.LESS_THAN_THRESHOLD, TreatMissingData.BREACHING);
        }

        Add(
            "FailedChanges",
            failedChanges.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = Period, Statistic = "Maximum" }),
            1,
            "a change could not be pushed to open tabs (see the failed-changes queue)",
            topic);
    }

    private static MetricOptions Sum() => new() { Period = Period, Statistic = "Sum" };

    private void Add(
        string id, IMetric metric, double threshold, string description, Topic? topic,
        ComparisonOperator comparison = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        TreatMissingData missingData = TreatMissingData.NOT_BREACHING)
    {
        var alarm = new Alarm(this, id, new AlarmProps
        {
            Metric = metric,
            Threshold = threshold,
            EvaluationPeriods = 1,
            ComparisonOperator = comparison,
            TreatMissingData = missingData,
            AlarmDescription = "RealtimeCalendar: " + description,
        });
        if (topic is not null)
            alarm.AddAlarmAction(new SnsAction(topic));
    }
}
