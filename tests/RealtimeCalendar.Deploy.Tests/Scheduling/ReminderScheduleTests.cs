using System.Text.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.Aws.Events;
using RealtimeCalendar.Aws.Reminders;
using RealtimeCalendar.Aws.Tables;
using RealtimeCalendar.Deploy.Tests.Synthesis;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.Scheduler;

namespace RealtimeCalendar.Deploy.Tests.Scheduling;

/// <summary>The clock of the reminder sweep: one schedule, its role, what the sweep may touch, and the alarms on it.</summary>
[Collection(SynthesisCollection.Name)]
public sealed class ReminderScheduleTests(SynthesizedStacks stacks)
{
    [Fact]
    public void One_schedule_invokes_the_reminders_function_every_minute_with_the_schedulers_event()
    {
        var stack = stacks.Default;
        var (_, schedule) = Assert.Single(stack.ResourcesOfType("AWS::Scheduler::Schedule"));
        var properties = schedule["Properties"]!;
        Assert.Equal(("rate(1 minute)", "OFF", "ENABLED"), ((string?)properties["ScheduleExpression"], (string?)properties["FlexibleTimeWindow"]!["Mode"], (string?)properties["State"]));

        var target = properties["Target"]!;
        var sweep = stack.Function(FunctionNames.Reminders).LogicalId;
        Assert.Equal([sweep], TemplateQueries.ReferencedIds(target["Arn"]));
        Assert.Equal((0, 60), ((int)target["RetryPolicy"]!["MaximumRetryAttempts"]!, (int)target["RetryPolicy"]!["MaximumEventAgeInSeconds"]!));

        // The input is the contract's template, and it reads as the contract once the Scheduler fills it in.
        var input = (string)target["Input"]!;
        Assert.Equal(SchedulerEvent.InputTemplate, input);
        Assert.Contains("\"<aws.scheduler.scheduled-time>\"", input, StringComparison.Ordinal);
        var filled = input.Replace("<aws.scheduler.scheduled-time>", "2027-03-28T06:50:00Z", StringComparison.Ordinal)
            .Replace("<aws.scheduler.attempt-number>", "1", StringComparison.Ordinal);
        var read = JsonSerializer.Deserialize(filled, LambdaContractsJsonContext.Default.SchedulerEvent)!;
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 6, 50, 0, TimeSpan.Zero), read.ScheduledInstant());
    }

    [Fact]
    public void The_schedules_role_may_only_invoke_the_sweep_and_only_this_accounts_scheduler_may_assume_it()
    {
        var stack = stacks.Default;
        var target = stack.ResourcesOfType("AWS::Scheduler::Schedule").Single().Resource["Properties"]!["Target"]!;
        var role = Assert.Single(TemplateQueries.ReferencedIds(target["RoleArn"]));

        var trust = Assert.Single(stack.Resources[role]!["Properties"]!["AssumeRolePolicyDocument"]!["Statement"]!.AsArray())!;
        Assert.Equal("scheduler.amazonaws.com", (string?)trust["Principal"]!["Service"]);
        Assert.NotNull(trust["Condition"]!["StringEquals"]!["aws:SourceAccount"]);
        Assert.Null(stack.Resources[role]!["Properties"]!["ManagedPolicyArns"]);

        var statement = Assert.Single(stack.StatementsOf(role));
        Assert.Equal(["lambda:InvokeFunction"], TemplateQueries.Actions(statement));
        var resource = Assert.Single(TemplateQueries.ResourceList(statement));
        Assert.Equal([stack.Function(FunctionNames.Reminders).LogicalId], TemplateQueries.ReferencedIds(resource));
    }

    [Fact]
    public void The_sweep_queries_only_the_due_indexes_and_writes_events_only_by_update()
    {
        var stack = stacks.Default;
        var role = TemplateQueries.RoleOf(stack.Function(FunctionNames.Reminders).Properties);
        var events = stack.TableId(CalendarTables.Events);
        var reminders = stack.TableId(CalendarTables.Reminders);
        var grants = stack.StatementsOf(role)
            .Where(s => TemplateQueries.Actions(s).Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal)))
            .ToList();

        Assert.DoesNotContain(grants, s => TemplateQueries.Actions(s).Contains("dynamodb:Scan") || TemplateQueries.Actions(s).Contains("dynamodb:GetRecords"));
        var onEvents = grants.Where(s => TemplateQueries.ReferencedIds(s["Resource"]).Contains(events)).ToList();
        Assert.Equal(2, onEvents.Count);
        var query = onEvents.Single(s => TemplateQueries.Actions(s).SequenceEqual(["dynamodb:Query"]));
        Assert.EndsWith($"/index/{EventItem.ByReminderDueIndex}", Joined(Assert.Single(TemplateQueries.ResourceList(query))), StringComparison.Ordinal);
        var update = onEvents.Single(s => TemplateQueries.Actions(s).SequenceEqual(["dynamodb:UpdateItem"]));
        Assert.DoesNotContain("/index/", Joined(Assert.Single(TemplateQueries.ResourceList(update))), StringComparison.Ordinal);

        var retry = grants.Single(s => TemplateQueries.ReferencedIds(s["Resource"]).Contains(reminders) && TemplateQueries.Actions(s).SequenceEqual(["dynamodb:Query"]));
        Assert.EndsWith($"/index/{ReminderItem.ByRetryIndex}", Joined(Assert.Single(TemplateQueries.ResourceList(retry))), StringComparison.Ordinal);
    }

    [Fact]
    public void Lambda_does_not_retry_a_failed_sweep_and_no_stream_feeds_it()
    {
        var stack = stacks.Default;
        var sweep = stack.Function(FunctionNames.Reminders).LogicalId;
        var (_, config) = Assert.Single(stack.ResourcesOfType("AWS::Lambda::EventInvokeConfig"), c => TemplateQueries.ReferencedIds(c.Resource["Properties"]!["FunctionName"]).Contains(sweep));
        Assert.Equal((0, 60), ((int)config["Properties"]!["MaximumRetryAttempts"]!, (int)config["Properties"]!["MaximumEventAgeInSeconds"]!));
        Assert.DoesNotContain(stack.ResourcesOfType("AWS::Lambda::EventSourceMapping"), m => TemplateQueries.ReferencedIds(m.Resource["Properties"]!["FunctionName"]).Contains(sweep));
    }

    [Fact]
    public void The_sweep_alarms_on_its_errors_and_when_it_stops_running()
    {
        var stack = stacks.Default;
        var sweep = stack.Function(FunctionNames.Reminders).LogicalId;
        var alarms = stack.ResourcesOfType("AWS::CloudWatch::Alarm")
            .Select(a => a.Resource["Properties"]!)
            .Where(a => (string?)a["Namespace"] == "AWS/Lambda" && TemplateQueries.ReferencedIds(a["Dimensions"]).Contains(sweep))
            .ToList();

        var errors = Assert.Single(alarms, a => (string?)a["MetricName"] == "Errors");
        Assert.Equal(("GreaterThanOrEqualToThreshold", 1d), ((string?)errors["ComparisonOperator"], (double)errors["Threshold"]!));
        var silent = Assert.Single(alarms, a => (string?)a["MetricName"] == "Invocations");
        Assert.Equal(("LessThanThreshold", 1d, "breaching", "Sum"), ((string?)silent["ComparisonOperator"], (double)silent["Threshold"]!, (string?)silent["TreatMissingData"], (string?)silent["Statistic"]));
    }

    private static string Joined(JsonNode resource) => resource["Fn::Join"] is JsonArray join
        ? string.Concat(join[1]!.AsArray().Select(part => part is JsonValue text ? (string?)text : "{ref}"))
        : resource.ToJsonString();
}
