using System.Collections;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using RealtimeCalendar.Deploy.Functions;
using RealtimeCalendar.Deploy.Tests.Synthesis;
using RealtimeCalendar.Functions.Bootstrap;
using RealtimeCalendar.Functions.Routing;

namespace RealtimeCalendar.Deploy.Tests.Functions;

[Collection(SynthesisCollection.Name)]
public sealed class FunctionTests(SynthesizedStacks stacks)
{
    public static TheoryData<string> CatalogNames => [.. FunctionCatalog.Names];

    [Theory]
    [MemberData(nameof(CatalogNames))]
    public void Each_catalog_function_is_an_arm64_image_function_whose_cmd_names_its_handler(string name)
    {
        stacks.Default.Template.HasResourceProperties("AWS::Lambda::Function", new Dictionary<string, object>
        {
            ["PackageType"] = "Image",
            ["Architectures"] = new[] { "arm64" },
            ["ImageConfig"] = new Dictionary<string, object> { ["Command"] = new[] { name } },
            ["Code"] = new Dictionary<string, object> { ["ImageUri"] = Match.AnyValue() },
        });

        var memory = (int)stacks.Default.Function(name).Properties["MemorySize"]!;
        Assert.InRange(memory, 128, 256);
    }

    [Fact]
    public void The_catalog_is_deployed_whole_and_nothing_else_runs_the_image()
    {
        var commands = stacks.Default.ImageFunctions().Select(f => TemplateQueries.Command(f.Properties)).Order().ToList();
        Assert.Equal(FunctionCatalog.Names.Order(), commands);
    }

    [Theory]
    [MemberData(nameof(CatalogNames))]
    public void Google_functions_run_the_jit_google_bootstrap_and_every_other_function_the_images_aot_bootstrap(string name)
    {
        var imageConfig = stacks.Default.Function(name).Properties["ImageConfig"]!.AsObject();
        var entryPoint = imageConfig["EntryPoint"]?.AsArray().Select(e => (string)e!).ToList();

        if (name is FunctionNames.GoogleSync or FunctionNames.GooglePush)
            Assert.Equal(FunctionProfiles.GoogleBootstrap, entryPoint);
        else
            Assert.Null(entryPoint);
    }

    [Fact]
    public void The_image_builds_the_google_bootstrap_where_the_google_functions_look_for_it()
    {
        var dockerfile = File.ReadAllText(Path.Combine(StackSynthesizer.RepositoryRoot, "Dockerfile.lambda"));
        var folder = Path.GetDirectoryName(FunctionProfiles.GoogleBootstrap[0])!;

        Assert.Contains($"COPY --from=build /out/google {folder}", dockerfile, StringComparison.Ordinal);
        Assert.Contains("test -x /out/google/" + Path.GetFileName(FunctionProfiles.GoogleBootstrap[0]), dockerfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_function_runs_the_same_image()
    {
        var images = stacks.Default.ImageFunctions().Select(f => f.Properties["Code"]!["ImageUri"]!.ToJsonString()).Distinct().ToList();
        Assert.Single(images);
    }

    [Fact]
    public void Every_function_environment_starts_the_bootstrap_with_the_deployed_tables_pool_and_management_api()
    {
        foreach (var (logicalId, properties) in stacks.Default.ImageFunctions())
        {
            var variables = properties["Environment"]!["Variables"]!.AsObject();
            Assert.DoesNotContain(variables, v => FunctionEnvironment.LambdaReservedVariables.Contains(v.Key));

            // The bootstrap's own parser accepts the set: every required name is there.
            var forParser = new Hashtable();
            foreach (var (key, value) in variables)
                forParser[key] = value is JsonValue literal ? (string)literal! : "https://resolved-at-deploy.example/";
            var settings = FunctionSettings.FromVariables(forParser);
            Assert.NotNull(settings.CognitoIssuer);
            Assert.NotEmpty(settings.CognitoClientIds);
            Assert.NotNull(settings.ManagementApiEndpoint);

            var tables = new[] { "EVENTS_TABLE", "CONNECTIONS_TABLE", "SESSIONS_TABLE" }
                .Select(name => (string?)variables[name]!["Ref"])
                .ToList();
            Assert.True(
                tables.All(id => id is not null && (string?)stacks.Default.Resources[id]!["Type"] == "AWS::DynamoDB::Table"),
                $"{logicalId}: table variables must name the deployed tables.");
            Assert.Equal("AWS::Cognito::UserPool", (string?)stacks.Default.Resources[(string)variables["COGNITO_ISSUER"]!["Fn::GetAtt"]![0]!]!["Type"]);

            var management = variables["MANAGEMENT_API_ENDPOINT"]!;
            Assert.Contains(stacks.Default.SingleWebSocketApiId(), TemplateQueries.ReferencedIds(management));
            Assert.Contains("/live", management.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("placeholder", management.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Each_function_logs_to_its_own_group_kept_two_weeks()
    {
        var groups = stacks.Default.ImageFunctions()
            .Select(f => (string)f.Properties["LoggingConfig"]!["LogGroup"]!["Ref"]!)
            .ToList();
        Assert.Equal(groups.Count, groups.Distinct().Count());
        foreach (var group in groups)
        {
            Assert.Equal("AWS::Logs::LogGroup", (string?)stacks.Default.Resources[group]!["Type"]);
            Assert.Equal(14, (int?)stacks.Default.Resources[group]!["Properties"]!["RetentionInDays"]);
        }
    }

    [Fact]
    public void Every_function_in_the_catalog_has_a_profile()
    {
        foreach (var name in FunctionCatalog.Names)
            Assert.Equal(name, FunctionProfiles.For(name).Name);
    }

    [Fact]
    public void A_function_without_a_profile_stops_synthesis()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FunctionProfiles.For("payroll"));
        Assert.Contains("payroll", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Functions_planned_for_the_catalog_deploy_from_their_profiles()
    {
        foreach (var name in new[] { FunctionNames.Chat, FunctionNames.GoogleSync, FunctionNames.Auth })
            Assert.Equal(FunctionProfiles.For(name).MemoryMb, (int)stacks.WithEveryProfile.Function(name).Properties["MemorySize"]!);
    }
}
