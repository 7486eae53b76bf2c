using RealtimeCalendar.Functions.Routing;
using System.Text.RegularExpressions;
using RealtimeCalendar.Deploy.Functions;
using RealtimeCalendar.Deploy.Secrets;
using RealtimeCalendar.Deploy.Tests.Synthesis;

namespace RealtimeCalendar.Deploy.Tests.Security;

[Collection(SynthesisCollection.Name)]
public sealed class SecretTests(SynthesizedStacks stacks)
{
    // OpenAI API keys, Google OAuth client secrets, AWS access key ids, PEM private keys.
    private static readonly Regex[] SecretShapes =
    [
        new(@"sk-[A-Za-z0-9_-]{16,}"),
        new(@"GOCSPX-[A-Za-z0-9_-]{10,}"),
        new(@"\b(AKIA|ASIA)[A-Z0-9]{16}\b"),
        new(@"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    ];

    [Fact]
    public void Secret_readers_get_the_parameter_name_and_read_access_to_that_parameter_only()
    {
        var stack = stacks.WithEveryProfile;
        foreach (var profile in FunctionProfiles.All)
        {
            var (_, properties) = stack.Function(profile.Name);
            var variables = properties["Environment"]!["Variables"]!.AsObject();
            var statements = stack.StatementsOf(TemplateQueries.RoleOf(properties));
            // Parameters a function owns or reads by path (the Google refresh tokens) are checked on their own.
            var parameterGrants = statements
                .Where(s => TemplateQueries.Actions(s).SequenceEqual(["ssm:GetParameter"]) && !s.ToJsonString().Contains("/google/tokens/*", StringComparison.Ordinal))
                .ToList();
            var decryptGrants = statements.Where(s => TemplateQueries.Actions(s).Contains("kms:Decrypt")).ToList();

            foreach (var secret in SecretParameters.All)
            {
                var holds = profile.Secrets.Contains(secret);
                Assert.Equal(holds ? secret.Name : null, (string?)variables[secret.EnvironmentVariable]);
                Assert.Equal(holds, parameterGrants.Any(s => s.ToJsonString().Contains(":parameter/" + secret.ArnResourceName + "\"", StringComparison.Ordinal)));
            }

            Assert.Equal(profile.Secrets.Count, parameterGrants.Count);
            Assert.All(parameterGrants, s => Assert.Equal(["ssm:GetParameter"], TemplateQueries.Actions(s)));
            Assert.Equal(profile.Secrets.Count > 0, decryptGrants.Count > 0);
            Assert.All(decryptGrants, s =>
            {
                Assert.Equal(["kms:Decrypt"], TemplateQueries.Actions(s));
                Assert.Equal("alias/aws/ssm", (string?)s["Condition"]!["ForAnyValue:StringEquals"]!["kms:ResourceAliases"]);
                Assert.Contains("ssm.", s["Condition"]!["StringEquals"]!["kms:ViaService"]!.ToJsonString(), StringComparison.Ordinal);
            });
        }
    }

    [Fact]
    public void Only_the_function_that_sends_web_push_gets_the_vapid_private_key_parameter_and_reads_it_every_function_gets_the_public_key()
    {
        var stack = stacks.WithEveryProfile;
        foreach (var profile in FunctionProfiles.All)
        {
            var (_, properties) = stack.Function(profile.Name);
            var variables = properties["Environment"]!["Variables"]!.AsObject();
            var reads = stack.StatementsOf(TemplateQueries.RoleOf(properties))
                .Where(s => s.ToJsonString().Contains(":parameter/realtimecalendar/web-push/vapid-private-key\"", StringComparison.Ordinal))
                .ToList();
            var sends = profile.Name == FunctionNames.Reminders;

            Assert.Equal(sends ? SecretParameters.VapidPrivateKey.Name : null, (string?)variables["VAPID_PRIVATE_KEY_PARAMETER"]);
            Assert.Equal(sends ? 1 : 0, reads.Count);
            Assert.All(reads, s => Assert.Equal(["ssm:GetParameter"], TemplateQueries.Actions(s)));
            Assert.Equal(SynthesizedStacks.VapidPublicKey, (string?)variables["VAPID_PUBLIC_KEY"]);
            Assert.Equal("mailto:ops@example.com", (string?)variables["VAPID_SUBJECT"]);
            Assert.Null(variables["VAPID_PRIVATE_KEY_FILE"]);
        }

        Assert.Null(stacks.Default.Function(FunctionNames.PushSubscriptions).Properties["Environment"]!["Variables"]!["VAPID_PUBLIC_KEY"]);
    }

    [Fact]
    public void Google_push_may_only_read_the_refresh_tokens()
    {
        var stack = stacks.WithEveryProfile;
        var statements = stack.StatementsOf(TemplateQueries.RoleOf(stack.Function(FunctionNames.GooglePush).Properties));

        var tokenReads = statements.Where(s => s.ToJsonString().Contains(":parameter/realtimecalendar/google/tokens/*\"", StringComparison.Ordinal)).ToList();

        Assert.Equal(["ssm:GetParameter"], TemplateQueries.Actions(Assert.Single(tokenReads)));
        Assert.Contains(statements, s => TemplateQueries.Actions(s).Contains("kms:Decrypt"));
    }

    [Fact]
    public void Only_google_sync_writes_parameters_and_only_below_its_own_path()
    {
        var stack = stacks.WithEveryProfile;
        foreach (var profile in FunctionProfiles.All)
        {
            var (_, properties) = stack.Function(profile.Name);
            var statements = stack.StatementsOf(TemplateQueries.RoleOf(properties));
            var writes = statements.Where(s => TemplateQueries.Actions(s).Any(a => a is "ssm:PutParameter" or "ssm:DeleteParameter")).ToList();
            var encrypts = statements.Where(s => TemplateQueries.Actions(s).Contains("kms:Encrypt")).ToList();
            if (profile.Name != FunctionNames.GoogleSync)
            {
                Assert.Empty(writes);
                Assert.Empty(encrypts);
                continue;
            }

            var write = Assert.Single(writes);
            Assert.Equal(["ssm:PutParameter", "ssm:GetParameter", "ssm:DeleteParameter"], TemplateQueries.Actions(write));
            Assert.Contains(":parameter/realtimecalendar/google/tokens/*\"", write.ToJsonString(), StringComparison.Ordinal);
            var encrypt = Assert.Single(encrypts);
            Assert.Equal(["kms:Encrypt"], TemplateQueries.Actions(encrypt));
            Assert.Equal("alias/aws/ssm", (string?)encrypt["Condition"]!["ForAnyValue:StringEquals"]!["kms:ResourceAliases"]);
        }
    }

    [Fact]
    public void No_secret_value_and_no_parameter_resource_is_in_the_template()
    {
        foreach (var stack in new[] { stacks.Default, stacks.WithEveryProfile })
        {
            foreach (var secretShape in SecretShapes)
                Assert.DoesNotMatch(secretShape, stack.TemplateText);
            Assert.Empty(stack.ResourcesOfType("AWS::SSM::Parameter"));
            Assert.Empty(stack.ResourcesOfType("AWS::SecretsManager::Secret"));
        }
    }

    [Fact]
    public void The_secret_shapes_recognise_keys_of_each_kind()
    {
        string[] samples =
        [
            "sk-proj-" + new string('x', 40),
            "GOCSPX-" + new string('y', 28),
            "AKIA" + new string('Z', 16),
            "-----BEGIN RSA PRIVATE KEY-----",
        ];
        Assert.All(samples.Zip(SecretShapes), pair => Assert.Matches(pair.Second, pair.First));
    }
}
