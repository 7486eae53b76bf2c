using RealtimeCalendar.Deploy.Tests.Synthesis;
using RealtimeCalendar.Functions.Bootstrap;
using RealtimeCalendar.Functions.Routing;

namespace RealtimeCalendar.Deploy.Tests.Monitoring;

[Collection(SynthesisCollection.Name)]
public sealed class AlarmTests(SynthesizedStacks stacks)
{
    public static TheoryData<string> CatalogNames => [.. FunctionCatalog.Names];

    [Theory]
    [MemberData(nameof(CatalogNames))]
    public void Each_function_alarms_on_its_errors_and_throttles(string name)
    {
        var function = stacks.Default.Function(name).LogicalId;
        foreach (var metric in new[] { "Errors", "Throttles" })
            Assert.Single(AlarmsOn(stacks.Default, metric, function));
    }

    [Fact]
    public void Notify_alarms_when_it_falls_behind_the_events_stream()
    {
        var alarm = Assert.Single(AlarmsOn(stacks.Default, "IteratorAge", stacks.Default.Function(FunctionNames.Notify).LogicalId));
        Assert.Equal("Maximum", (string?)alarm["Statistic"]);
        Assert.InRange((double)alarm["Threshold"]!, 1_000, 300_000);
    }

    [Fact]
    public void An_undeliverable_change_raises_an_alarm()
    {
        var queue = stacks.Default.SingleIdOfType("AWS::SQS::Queue", "NotifyTrigger");
        var alarm = Assert.Single(
            stacks.Default.ResourcesOfType("AWS::CloudWatch::Alarm").Select(a => a.Resource["Properties"]!),
            a => (string?)a["MetricName"] == "ApproximateNumberOfMessagesVisible" && TemplateQueries.ReferencedIds(a["Dimensions"]).Contains(queue));
        Assert.Equal(1, (double?)alarm["Threshold"]);
    }

    private static IEnumerable<System.Text.Json.Nodes.JsonNode> AlarmsOn(SynthesizedStack stack, string metric, string functionId) =>
        stack.ResourcesOfType("AWS::CloudWatch::Alarm")
            .Select(a => a.Resource["Properties"]!)
            .Where(a => (string?)a["Namespace"] == "AWS/Lambda"
                && (string?)a["MetricName"] == metric
                && TemplateQueries.ReferencedIds(a["Dimensions"]).Contains(functionId));
}
