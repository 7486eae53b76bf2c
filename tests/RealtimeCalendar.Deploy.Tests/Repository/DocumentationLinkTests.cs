using System.Text.RegularExpressions;
using RealtimeCalendar.Deploy.Tests.Synthesis;

namespace RealtimeCalendar.Deploy.Tests.Repository;

/// <summary>
/// The README is an index: every topic it moved lives in a README beside its code, reachable from it, and no
/// relative link leaves the repository or points at a file that is not there.
/// </summary>
public sealed partial class DocumentationLinkTests
{
    private static readonly string Root = StackSynthesizer.RepositoryRoot;

    public static TheoryData<string> MarkdownFiles() => new(MarkdownPaths());

    /// <summary>The repository's own Markdown files, relative to its root; build output and installed packages left out.</summary>
    private static IEnumerable<string> MarkdownPaths() =>
        Directory.EnumerateFiles(Root, "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(part => part is "node_modules" or "bin" or "obj" or "cdk.out" or "artifacts" || part.StartsWith('.')))
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Relative_links_stay_inside_the_repository_and_resolve(string file)
    {
        var folder = Path.GetDirectoryName(Path.Combine(Root, file))!;
        foreach (var target in RelativeLinks(File.ReadAllText(Path.Combine(Root, file))))
        {
            var resolved = Path.GetFullPath(Path.Combine(folder, target));
            Assert.True(resolved.StartsWith(Root, StringComparison.Ordinal), $"{file} links outside the repository: {target}");
            Assert.True(File.Exists(resolved) || Directory.Exists(resolved), $"{file} links to a missing path: {target}");
        }
    }

    [Fact]
    public void Every_project_readme_is_reachable_from_the_top_level_readme()
    {
        var linked = RelativeLinks(File.ReadAllText(Path.Combine(Root, "README.md")))
            .Select(target => Path.GetFullPath(Path.Combine(Root, target)))
            .ToHashSet(StringComparer.Ordinal);
        var readmes = MarkdownPaths()
            .Where(path => path != "README.md" && Path.GetFileName(path) == "README.md");

        foreach (var readme in readmes)
            Assert.Contains(Path.GetFullPath(Path.Combine(Root, readme)), linked);
    }

    [Fact]
    public void The_top_level_readme_stays_an_index()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md"));
        Assert.True(lines.Length <= 200, $"README.md has {lines.Length} lines; move topics next to their code");
        Assert.Contains(lines, line => line.StartsWith("dotnet test", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("dotnet run --project src/RealtimeCalendar.Local", StringComparison.Ordinal));
    }

    /// <summary>Targets of Markdown links that are neither absolute URLs nor in-page anchors, without their anchor.</summary>
    private static IEnumerable<string> RelativeLinks(string markdown) =>
        LinkPattern().Matches(markdown)
            .Select(match => match.Groups["target"].Value)
            .Where(target => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith('#') && !target.StartsWith("mailto:", StringComparison.Ordinal))
            .Select(target => target.Split('#')[0])
            .Where(target => target.Length > 0);

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex LinkPattern();
}
