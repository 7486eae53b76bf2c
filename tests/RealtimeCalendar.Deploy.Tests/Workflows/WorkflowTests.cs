using RealtimeCalendar.Deploy.Tests.Synthesis;
using YamlDotNet.RepresentationModel;

namespace RealtimeCalendar.Deploy.Tests.Workflows;

/// <summary>
/// The GitHub Actions workflows in <c>.github/workflows/</c>: valid YAML, a push runs the same <c>.ci/run</c> as a
/// developer, and a version tag deploys with OIDC credentials whose role comes from a repository variable.
/// </summary>
public sealed class WorkflowTests
{
    private static readonly string WorkflowDirectory = Path.Combine(StackSynthesizer.RepositoryRoot, ".github", "workflows");

    [Fact]
    public void Every_workflow_is_valid_yaml_with_triggers_and_jobs()
    {
        var files = Directory.GetFiles(WorkflowDirectory, "*.yml");

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var workflow = Load(file);
            Assert.True(workflow.Children.ContainsKey("on"), $"{file} has no trigger");
            Assert.NotEmpty(Map(workflow, "jobs").Children);
        }
    }

    [Fact]
    public void A_push_runs_ci_run()
    {
        var (workflow, _) = Workflows().Single(w => Triggers(w.Workflow).Contains("push") && Branches(w.Workflow).Any());
        var steps = Map(workflow, "jobs").Children.Values.Cast<YamlMappingNode>().SelectMany(Steps).ToList();

        Assert.Contains(steps, step => Scalar(step, "run")?.Trim() == ".ci/run");
    }

    [Fact]
    public void A_version_tag_builds_the_arm64_image_and_deploys_with_oidc_from_a_repository_variable()
    {
        var (workflow, text) = Workflows().Single(w => Tags(w.Workflow).Contains("v*"));
        var jobs = Map(workflow, "jobs").Children.Values.Cast<YamlMappingNode>().ToList();
        var deploy = Assert.Single(jobs, job => Steps(job).Any(step => Scalar(step, "run")?.Contains("cdk@2 deploy", StringComparison.Ordinal) == true));
        var steps = Steps(deploy).ToList();
        var credentials = Assert.Single(steps, step => Scalar(step, "uses")?.StartsWith("aws-actions/configure-aws-credentials@", StringComparison.Ordinal) == true);

        Assert.Equal("write", Scalar(Map(deploy, "permissions"), "id-token"));
        Assert.Equal("${{ vars.AWS_DEPLOY_ROLE_ARN }}", Scalar(Map(credentials, "with"), "role-to-assume"));
        Assert.DoesNotContain("secrets.", text, StringComparison.Ordinal);
        Assert.Contains(steps, step => Scalar(step, "run") is { } run
            && run.Contains("docker buildx build", StringComparison.Ordinal)
            && run.Contains("--platform linux/arm64", StringComparison.Ordinal)
            && run.Contains("Dockerfile.lambda", StringComparison.Ordinal));
        // The deploy waits for the tests of the same commit.
        Assert.NotNull(Child(deploy, "needs"));
    }

    private static IEnumerable<(YamlMappingNode Workflow, string Text)> Workflows() =>
        Directory.GetFiles(WorkflowDirectory, "*.yml").Select(file => (Load(file), File.ReadAllText(file)));

    private static YamlMappingNode Load(string file)
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(file);
        yaml.Load(reader);
        return (YamlMappingNode)Assert.Single(yaml.Documents).RootNode;
    }

    private static List<string> Triggers(YamlMappingNode workflow) =>
        Map(workflow, "on").Children.Keys.Select(key => ((YamlScalarNode)key).Value!).ToList();

    private static IEnumerable<string> Branches(YamlMappingNode workflow) => PushFilter(workflow, "branches");

    private static IEnumerable<string> Tags(YamlMappingNode workflow) => PushFilter(workflow, "tags");

    private static IEnumerable<string> PushFilter(YamlMappingNode workflow, string filter) =>
        Child(Map(workflow, "on"), "push") is YamlMappingNode push
        && Child(push, filter) is YamlSequenceNode values
            ? values.Children.Cast<YamlScalarNode>().Select(value => value.Value!)
            : [];

    private static IEnumerable<YamlMappingNode> Steps(YamlMappingNode job) =>
        Child(job, "steps") is YamlSequenceNode steps ? steps.Children.Cast<YamlMappingNode>() : [];

    private static YamlMappingNode Map(YamlMappingNode node, string key) =>
        Child(node, key) as YamlMappingNode
        ?? throw new Xunit.Sdk.XunitException($"'{key}' is missing or not a mapping");

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlMappingNode node, string key) =>
        (Child(node, key) as YamlScalarNode)?.Value;
}
