using Amazon.CDK.Assertions;
using RealtimeCalendar.Aws.Tables;
using RealtimeCalendar.Deploy.Tests.Synthesis;
using RealtimeCalendar.Functions.Routing;

namespace RealtimeCalendar.Deploy.Tests.Streams;

[Collection(SynthesisCollection.Name)]
public sealed class NotifyTriggerTests(SynthesizedStacks stacks)
{
    [Fact]
    public void Notify_reads_the_events_stream_failing_only_undelivered_records_bisecting_and_dead_lettering()
    {
        var stack = stacks.Default;
        var queue = stack.SingleIdOfType("AWS::SQS::Queue", "NotifyTrigger");

        stack.Template.HasResourceProperties("AWS::Lambda::EventSourceMapping", new Dictionary<string, object>
        {
            ["FunctionName"] = new Dictionary<string, object> { ["Ref"] = stack.Function(FunctionNames.Notify).LogicalId },
            ["EventSourceArn"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new[] { stack.TableId(CalendarTables.Events), "StreamArn" } },
            ["StartingPosition"] = "LATEST",
            ["BatchSize"] = 100,
            ["FunctionResponseTypes"] = new[] { "ReportBatchItemFailures" },
            ["BisectBatchOnFunctionError"] = true,
            ["MaximumRetryAttempts"] = 10,
            ["MaximumRecordAgeInSeconds"] = Match.AnyValue(),
            ["DestinationConfig"] = new Dictionary<string, object>
            {
                ["OnFailure"] = new Dictionary<string, object>
                {
                    ["Destination"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new[] { queue, "Arn" } },
                },
            },
        });
    }

    [Fact]
    public void The_stream_has_two_readers_notify_and_google_push_each_with_its_own_dead_letter_queue()
    {
        var stack = stacks.Default;
        var googleQueue = stack.SingleIdOfType("AWS::SQS::Queue", "GooglePushTrigger");

        stack.Template.ResourceCountIs("AWS::Lambda::EventSourceMapping", 2);
        stack.Template.HasResourceProperties("AWS::Lambda::EventSourceMapping", Match.ObjectLike(new Dictionary<string, object>
        {
            ["FunctionName"] = new Dictionary<string, object> { ["Ref"] = stack.Function(FunctionNames.GooglePush).LogicalId },
            ["EventSourceArn"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new[] { stack.TableId(CalendarTables.Events), "StreamArn" } },
            ["FunctionResponseTypes"] = new[] { "ReportBatchItemFailures" },
            ["DestinationConfig"] = new Dictionary<string, object>
            {
                ["OnFailure"] = new Dictionary<string, object>
                {
                    ["Destination"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new[] { googleQueue, "Arn" } },
                },
            },
        }));
    }

    [Fact]
    public void Undeliverable_changes_are_kept_two_weeks_encrypted_and_only_over_tls()
    {
        var stack = stacks.Default;
        stack.Template.HasResourceProperties("AWS::SQS::Queue", new Dictionary<string, object>
        {
            ["MessageRetentionPeriod"] = 14 * 24 * 3600,
            ["SqsManagedSseEnabled"] = true,
        });
        stack.Template.HasResourceProperties("AWS::SQS::QueuePolicy", Match.ObjectLike(new Dictionary<string, object>
        {
            ["PolicyDocument"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith(new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Effect"] = "Deny",
                        ["Condition"] = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
                    }),
                }),
            }),
        }));
    }
}
