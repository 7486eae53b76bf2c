using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using RealtimeCalendar.Deploy;

namespace RealtimeCalendar.Deploy.Tests.Synthesis;

/// <summary>One synthesized stack: the assertion template, its JSON as written to cdk.out, and the cdk.out folder.</summary>
public sealed record SynthesizedStack(RealtimeCalendarStack Stack, Template Template, JsonObject Json, string OutputDirectory)
{
    public JsonObject Resources => Json[nameof(Resources)]!.AsObject();

    public IEnumerable<(string LogicalId, JsonObject Resource)> ResourcesOfType(string type) =>
        Resources
            .Where(r => (string?)r.Value!["Type"] == type)
            .Select(r => (r.Key, r.Value!.AsObject()));

    public string TemplateText => Json.ToJsonString();
}
