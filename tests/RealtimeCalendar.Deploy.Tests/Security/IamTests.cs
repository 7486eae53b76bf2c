using System.Text.Json.Nodes;
using RealtimeCalendar.Deploy.Functions;
using RealtimeCalendar.Deploy.Tests.Synthesis;
using RealtimeCalendar.Functions.Bootstrap;
using RealtimeCalendar.Functions.Routing;

namespace RealtimeCalendar.Deploy.Tests.Security;

[Collection(SynthesisCollection.Name)]
public sealed class IamTests(SynthesizedStacks stacks)
{
    /// <summary>
    /// Actions AWS authorizes only on <c>"*"</c>: dynamodb:ListStreams has no resource type (Lambda's stream poller
    /// needs it beside the stream-scoped DescribeStream/GetRecords/GetShardIterator).
    /// </summary>
    private static readonly HashSet<string> ActionsWithoutResourceScope = ["dynamodb:ListStreams"];

    private static readonly string[] StreamReadActions = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"];

    public static TheoryData<string> CatalogNames => [.. FunctionCatalog.Names];

    [Fact]
    public void No_statement_allows_every_action_or_every_action_of_a_service()
    {
        foreach (var stack in new[] { stacks.Default, stacks.WithEveryProfile })
        {
            foreach (var (roles, statement) in stack.Statements())
            {
                foreach (var action in TemplateQueries.Actions(statement))
                    Assert.False(action == "*" || action.EndsWith(":*", StringComparison.Ordinal), $"{string.Join(",", roles)} allows {action}");
            }
        }
    }

    [Fact]
    public void Only_actions_without_a_resource_type_are_granted_on_every_resource()
    {
        foreach (var stack in new[] { stacks.Default, stacks.WithEveryProfile })
        {
            foreach (var (roles, statement) in stack.Statements())
            {
                if (!TemplateQueries.ResourceList(statement).Any(r => r is JsonValue value && (string?)value == "*"))
                    continue;
                var actions = TemplateQueries.Actions(statement);
                Assert.True(
                    actions.All(ActionsWithoutResourceScope.Contains),
                    $"{string.Join(",", roles)} gets [{string.Join(", ", actions)}] on every resource");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CatalogNames))]
    public void Each_function_reaches_only_the_tables_its_profile_names_with_exactly_those_actions(string name)
    {
        var stack = stacks.Default;
        var profile = FunctionProfiles.For(name);
        var role = TemplateQueries.RoleOf(stack.Function(name).Properties);
        var tableIds = stack.ResourcesOfType("AWS::DynamoDB::Table").Select(t => t.LogicalId).ToHashSet();

        var granted = stack.StatementsOf(role)
            .Where(s => TemplateQueries.Actions(s).Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal)))
            .Where(s => !TemplateQueries.Actions(s).All(StreamReadActions.Contains))
            .Select(s => (
                Tables: string.Join(",", TemplateQueries.ReferencedIds(s["Resource"]).Where(tableIds.Contains).Order()),
                Actions: string.Join(",", TemplateQueries.Actions(s).Order())))
            .Order()
            .ToList();
        var expected = profile.Tables
            .Select(g => (Tables: stack.TableId(g.Table), Actions: string.Join(",", TableAccessActions.For(g.Access).Order())))
            .Order()
            .ToList();

        Assert.Equal(expected, granted);
    }

    [Fact]
    public void Only_notify_and_google_push_read_the_events_stream()
    {
        var stack = stacks.Default;
        var notifyRole = TemplateQueries.RoleOf(stack.Function(FunctionNames.Notify).Properties);
        var googlePushRole = TemplateQueries.RoleOf(stack.Function(FunctionNames.GooglePush).Properties);
        var readers = stack.Statements()
            .Where(s => TemplateQueries.Actions(s.Statement).Contains("dynamodb:GetRecords"))
            .SelectMany(s => s.Roles)
            .Distinct()
            .ToList();
        Assert.Equal([googlePushRole, notifyRole], readers.Order());
    }

    [Fact]
    public void Only_notify_and_the_reminder_functions_may_manage_connections_and_only_on_the_live_stage_of_its_api()
    {
        var stack = stacks.Default;
        var expected = new[] { FunctionNames.Notify, FunctionNames.Reminders, FunctionNames.RemindersApi }
            .Select(name => TemplateQueries.RoleOf(stack.Function(name).Properties))
            .Order()
            .ToList();
        var grants = stack.Statements()
            .Where(s => TemplateQueries.Actions(s.Statement).Any(a => a.StartsWith("execute-api:", StringComparison.Ordinal)))
            .ToList();

        Assert.Equal(expected, grants.SelectMany(g => g.Roles).Order());
        foreach (var grant in grants)
        {
            Assert.Equal(["execute-api:ManageConnections"], TemplateQueries.Actions(grant.Statement));
            var resource = Assert.Single(TemplateQueries.ResourceList(grant.Statement));
            Assert.Equal([stack.SingleWebSocketApiId()], TemplateQueries.ReferencedIds(resource).Where(id => !id.StartsWith("AWS::", StringComparison.Ordinal)));
            Assert.EndsWith("/live/*/@connections/*", resource.ToJsonString().Split('"').Where(part => part.Contains("@connections", StringComparison.Ordinal)).Single(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Functions_do_not_get_the_managed_basic_execution_policy()
    {
        foreach (var (_, properties) in stacks.Default.ImageFunctions())
        {
            var role = stacks.Default.Resources[TemplateQueries.RoleOf(properties)]!["Properties"]!;
            Assert.Null(role["ManagedPolicyArns"]);
        }
    }
}
