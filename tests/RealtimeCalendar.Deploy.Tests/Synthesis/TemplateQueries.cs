using System.Text.Json.Nodes;
using RealtimeCalendar.Aws.Tables;

namespace RealtimeCalendar.Deploy.Tests.Synthesis;

/// <summary>Lookups over the synthesized JSON that the assertion API has no direct words for (who holds which policy).</summary>
public static class TemplateQueries
{
    public static IReadOnlyList<(string LogicalId, JsonObject Properties)> ImageFunctions(this SynthesizedStack stack) =>
        [.. stack.ResourcesOfType("AWS::Lambda::Function")
            .Where(f => (string?)f.Resource["Properties"]!["PackageType"] == "Image")
            .Select(f => (f.LogicalId, f.Resource["Properties"]!.AsObject()))];

    /// <summary>The image function whose CMD names <paramref name="name"/>.</summary>
    public static (string LogicalId, JsonObject Properties) Function(this SynthesizedStack stack, string name)
    {
        var matches = stack.ImageFunctions().Where(f => Command(f.Properties) == name).ToList();
        Assert.True(matches.Count == 1, $"Expected exactly one image function with CMD [\"{name}\"], found {matches.Count}.");
        return matches[0];
    }

    public static string? Command(JsonObject functionProperties) =>
        functionProperties["ImageConfig"]?["Command"] is JsonArray { Count: 1 } command ? (string?)command[0] : null;

    public static string RoleOf(JsonObject functionProperties) => (string)functionProperties["Role"]!["Fn::GetAtt"]![0]!;

    /// <summary>Every statement of every inline policy, with the roles it is attached to.</summary>
    public static IReadOnlyList<(IReadOnlyList<string> Roles, JsonObject Statement)> Statements(this SynthesizedStack stack)
    {
        var statements = new List<(IReadOnlyList<string>, JsonObject)>();
        foreach (var (_, policy) in stack.ResourcesOfType("AWS::IAM::Policy"))
        {
            var roles = policy["Properties"]!["Roles"]?.AsArray().Select(r => (string)r!["Ref"]!).ToList() ?? [];
            foreach (var statement in policy["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
                statements.Add((roles, statement!.AsObject()));
        }

        foreach (var (roleId, role) in stack.ResourcesOfType("AWS::IAM::Role"))
        {
            foreach (var inline in role["Properties"]!["Policies"]?.AsArray() ?? [])
            {
                foreach (var statement in inline!["PolicyDocument"]!["Statement"]!.AsArray())
                    statements.Add(([roleId], statement!.AsObject()));
            }
        }

        return statements;
    }

    public static IReadOnlyList<JsonObject> StatementsOf(this SynthesizedStack stack, string roleId) =>
        [.. stack.Statements().Where(s => s.Roles.Contains(roleId)).Select(s => s.Statement)];

    public static IReadOnlyList<string> Actions(JsonObject statement) => statement["Action"] switch
    {
        JsonArray actions => [.. actions.Select(a => (string)a!)],
        JsonValue action => [(string)action!],
        _ => [],
    };

    public static IReadOnlyList<JsonNode> ResourceList(JsonObject statement) => statement["Resource"] switch
    {
        JsonArray resources => [.. resources.Select(r => r!)],
        JsonNode resource => [resource],
        _ => [],
    };

    /// <summary>The logical id of the table built from <paramref name="definition"/>, found by its key schema.</summary>
    public static string TableId(this SynthesizedStack stack, TableDefinition definition)
    {
        var matches = stack.ResourcesOfType("AWS::DynamoDB::Table")
            .Where(t => t.Resource["Properties"]!["KeySchema"]!.AsArray()
                .Select(k => (string)k!["AttributeName"]!)
                .SequenceEqual(new[] { definition.PartitionKey.Name, definition.SortKey?.Name }.OfType<string>()))
            .ToList();
        Assert.True(matches.Count == 1, $"Expected one table keyed like '{definition.LogicalName}', found {matches.Count}.");
        return matches[0].LogicalId;
    }

    /// <summary>The logical ids a JSON fragment refers to (Ref and Fn::GetAtt), wherever they are nested.</summary>
    public static ISet<string> ReferencedIds(JsonNode? node)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        void Walk(JsonNode? current)
        {
            switch (current)
            {
                case JsonObject obj:
                    if (obj["Ref"] is JsonValue reference)
                        ids.Add((string)reference!);
                    if (obj["Fn::GetAtt"] is JsonArray getAtt)
                        ids.Add((string)getAtt[0]!);
                    foreach (var (_, child) in obj)
                        Walk(child);
                    break;
                case JsonArray array:
                    foreach (var child in array)
                        Walk(child);
                    break;
            }
        }

        Walk(node);
        return ids;
    }

    /// <summary>The one resource of <paramref name="type"/> whose logical id starts with <paramref name="prefix"/> (its construct path).</summary>
    public static string SingleIdOfType(this SynthesizedStack stack, string type, string prefix)
    {
        var ids = stack.ResourcesOfType(type).Select(r => r.LogicalId).Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.True(ids.Count == 1, $"Expected one {type} under {prefix}, found {ids.Count}.");
        return ids[0];
    }

    public static string SingleIdOfType(this SynthesizedStack stack, string type)
    {
        var ids = stack.ResourcesOfType(type).Select(r => r.LogicalId).ToList();
        Assert.True(ids.Count == 1, $"Expected one {type}, found {ids.Count}.");
        return ids[0];
    }

    public static string SingleWebSocketApiId(this SynthesizedStack stack) =>
        stack.ResourcesOfType("AWS::ApiGatewayV2::Api").Single(a => (string?)a.Resource["Properties"]!["ProtocolType"] == "WEBSOCKET").LogicalId;

    public static string SingleHttpApiId(this SynthesizedStack stack) =>
        stack.ResourcesOfType("AWS::ApiGatewayV2::Api").Single(a => (string?)a.Resource["Properties"]!["ProtocolType"] == "HTTP").LogicalId;
}
