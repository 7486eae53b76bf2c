using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using RealtimeCalendar.Deploy.Hosting;

namespace RealtimeCalendar.Deploy.Tests.Synthesis;

/// <summary>
/// Synthesizes the stack the way <c>cdk synth</c> does (the app's context from deploy/cdk.json plus <c>-c</c> values),
/// into a temporary cdk.out. Needs node: the CDK runs on the jsii runtime.
/// </summary>
public static class StackSynthesizer
{
    public static string RepositoryRoot { get; } = RepositoryLayout.FindRoot(AppContext.BaseDirectory);

    public static SynthesizedStack Synthesize(
        IReadOnlyDictionary<string, object>? context = null,
        Func<DeploymentOptions, DeploymentOptions>? adjust = null,
        string? region = null)
    {
        var outputDirectory = Directory.CreateTempSubdirectory("rc-cdk-out-").FullName;
        var appContext = CdkJsonContext();
        foreach (var (key, value) in context ?? new Dictionary<string, object>())
            appContext[key] = value;

        try
        {
            var app = new App(new AppProps { Outdir = outputDirectory, Context = appContext });
            var options = DeploymentOptions.FromContext(app.Node, RepositoryRoot);
            options = adjust?.Invoke(options) ?? options;
            var stack = new RealtimeCalendarStack(app, "RealtimeCalendar", new StackProps
            {
                Env = region is null ? null : new Amazon.CDK.Environment { Account = "123456789012", Region = region },
            }, options);

            var template = Template.FromStack(stack);
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(outputDirectory, stack.TemplateFile)))!.AsObject();
            return new SynthesizedStack(stack, template, json, outputDirectory);
        }
        catch
        {
            // A stack that fails to synthesize (a test may expect that) leaves no cdk.out behind.
            Directory.Delete(outputDirectory, recursive: true);
            throw;
        }
    }

    /// <summary>A client build stand-in: an entry document, one hashed bundle and the service worker, as Vite lays them out.</summary>
    public static string CreateClientDist()
    {
        var dist = Directory.CreateTempSubdirectory("rc-client-dist-").FullName;
        File.WriteAllText(Path.Combine(dist, "index.html"), "<!doctype html><script type=\"module\" src=\"/assets/index-3f2a.js\"></script>");
        Directory.CreateDirectory(Path.Combine(dist, "assets"));
        File.WriteAllText(Path.Combine(dist, "assets", "index-3f2a.js"), "console.log('calendar');");
        File.WriteAllText(Path.Combine(dist, "push-worker.js"), "self.addEventListener('push', () => undefined);");
        return dist;
    }

    private static Dictionary<string, object> CdkJsonContext()
    {
        var cdkJson = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot, "deploy", "cdk.json")))!;
        var context = new Dictionary<string, object>();
        if (cdkJson["context"] is JsonObject values)
        {
            foreach (var (key, value) in values)
                context[key] = value!.GetValueKind() switch
                {
                    System.Text.Json.JsonValueKind.True => true,
                    System.Text.Json.JsonValueKind.False => false,
                    _ => value.ToString(),
                };
        }

        return context;
    }
}
