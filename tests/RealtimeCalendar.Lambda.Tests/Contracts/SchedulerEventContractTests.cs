using System.Text.Json;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.Scheduler;

namespace RealtimeCalendar.Lambda.Tests.Contracts;

public sealed class SchedulerEventContractTests
{
    [Fact]
    public void The_input_template_carries_each_context_attribute_unescaped_and_quoted()
    {
        Assert.Equal(
            """{"scheduleArn":"<aws.scheduler.schedule-arn>","scheduledTime":"<aws.scheduler.scheduled-time>","executionId":"<aws.scheduler.execution-id>","attemptNumber":"<aws.scheduler.attempt-number>"}""",
            SchedulerEvent.InputTemplate);
    }

    [Fact]
    public void A_filled_in_template_reads_its_scheduled_time_as_an_instant()
    {
        // The values as the EventBridge Scheduler User Guide shows them ("Adding context attributes").
        var payload = SchedulerEvent.InputTemplate
            .Replace("<aws.scheduler.schedule-arn>", "arn:aws:scheduler:us-east-1:123456789012:schedule/default/reminders", StringComparison.Ordinal)
            .Replace("<aws.scheduler.scheduled-time>", "2022-03-22T18:59:43Z", StringComparison.Ordinal)
            .Replace("<aws.scheduler.execution-id>", "d32c5kddcf5bb8c3", StringComparison.Ordinal)
            .Replace("<aws.scheduler.attempt-number>", "1", StringComparison.Ordinal);

        var read = JsonSerializer.Deserialize(payload, LambdaContractsJsonContext.Default.SchedulerEvent)!;

        Assert.Equal(new DateTimeOffset(2022, 3, 22, 18, 59, 43, TimeSpan.Zero), read.ScheduledInstant());
        Assert.Equal(("d32c5kddcf5bb8c3", "1"), (read.ExecutionId, read.AttemptNumber));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<aws.scheduler.scheduled-time>")]
    [InlineData("2022-03-22T18:59:43")]
    [InlineData("22 March 2022")]
    public void A_scheduled_time_that_is_not_an_utc_instant_reads_as_none(string? scheduledTime)
    {
        Assert.Null(new SchedulerEvent { ScheduledTime = scheduledTime }.ScheduledInstant());
    }

    [Fact]
    public void The_local_schedules_event_round_trips()
    {
        var sent = SchedulerEvent.For("arn:aws:scheduler:us-east-1:000000000000:schedule/default/rc-reminders", new DateTimeOffset(2027, 3, 28, 6, 50, 0, TimeSpan.Zero), "0123456789abcdef", 2);

        var read = JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(sent, LambdaContractsJsonContext.Default.SchedulerEvent), LambdaContractsJsonContext.Default.SchedulerEvent)!;

        Assert.Equal(("2027-03-28T06:50:00Z", "2"), (read.ScheduledTime, read.AttemptNumber));
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 6, 50, 0, TimeSpan.Zero), read.ScheduledInstant());
    }
}
