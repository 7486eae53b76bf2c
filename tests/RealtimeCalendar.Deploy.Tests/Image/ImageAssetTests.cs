using System.Text.Json.Nodes;
using System.Xml.Linq;
using RealtimeCalendar.Deploy.Hosting;
using RealtimeCalendar.Deploy.Tests.Synthesis;

namespace RealtimeCalendar.Deploy.Tests.Image;

[Collection(SynthesisCollection.Name)]
public sealed class ImageAssetTests(SynthesizedStacks stacks)
{
    [Fact]
    public void One_arm64_image_is_built_from_dockerfile_lambda()
    {
        var images = DockerImages(stacks.Default);
        var image = Assert.Single(images).Value!["source"]!;
        Assert.Equal(RepositoryLayout.LambdaDockerfile, (string?)image["dockerFile"]);
        Assert.Equal("linux/arm64", (string?)image["platform"]);
    }

    [Fact]
    public void The_build_context_holds_the_bootstrap_sources_and_nothing_built_or_unrelated()
    {
        var source = Assert.Single(DockerImages(stacks.Default)).Value!["source"]!;
        var context = Path.Combine(stacks.Default.OutputDirectory, (string)source["directory"]!);

        foreach (var needed in new[] { RepositoryLayout.LambdaDockerfile, "Directory.Build.props", "Directory.Packages.props", ".editorconfig", FunctionsProject })
            Assert.True(File.Exists(Path.Combine(context, needed)), $"{needed} is missing from the image build context");

        var entries = Directory.GetFileSystemEntries(context, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(context, path).Replace('\\', '/'))
            .ToList();
        Assert.DoesNotContain(entries, e => e.Split('/').Any(part => part is "bin" or "obj" or "node_modules" or "TestResults" or ".git"));
        Assert.DoesNotContain(entries, e => e.StartsWith("tests/", StringComparison.Ordinal) || e.StartsWith("deploy/", StringComparison.Ordinal) || e.StartsWith("client/", StringComparison.Ordinal));
        Assert.DoesNotContain("global.json", entries);
    }

    [Fact]
    public void The_dockerfile_publishes_the_aot_bootstrap_into_the_runtime_directory_of_the_lambda_base_image()
    {
        var root = StackSynthesizer.RepositoryRoot;
        var dockerfile = File.ReadAllLines(Path.Combine(root, RepositoryLayout.LambdaDockerfile));
        var stages = dockerfile.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();

        Assert.Equal("FROM public.ecr.aws/lambda/provided:al2023", stages[^1]);
        Assert.Contains(dockerfile, l => l.Contains("dotnet publish " + FunctionsProject, StringComparison.Ordinal));
        Assert.Contains("COPY --from=build /out/bootstrap /var/runtime/bootstrap", dockerfile);

        // The published file is named bootstrap only while the project says so, and is native only with PublishAot.
        var project = XDocument.Load(Path.Combine(root, FunctionsProject));
        Assert.Equal("bootstrap", project.Descendants("AssemblyName").Single().Value);
        Assert.Equal("true", project.Descendants("PublishAot").Single().Value);
    }

    private const string FunctionsProject = "src/RealtimeCalendar.Functions/RealtimeCalendar.Functions.csproj";

    private static JsonObject DockerImages(SynthesizedStack stack) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(stack.OutputDirectory, stack.Stack.StackName + ".assets.json")))!["dockerImages"]!.AsObject();
}
