using Microsoft.Extensions.Time.Testing;
using RealtimeCalendar.Aws.Signing;

namespace RealtimeCalendar.Aws.Tests.Signing;

/// <summary>
/// The default chain reads the variables Lambda sets for the function role. Runs alone: it changes the process
/// environment, which no other test reads.
/// </summary>
[CollectionDefinition(nameof(DefaultCredentialsTests), DisableParallelization = true)]
[Collection(nameof(DefaultCredentialsTests))]
public sealed class DefaultCredentialsTests
{
    private static readonly string[] Variables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];

    [Fact]
    public async Task Default_chain_signs_with_lambda_environment_session_credentials()
    {
        var saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "ASIAFROMLAMBDAENV");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "secret-from-env");
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", "token-from-env");
            var signer = SigV4RequestSigner.ForDefaultCredentials("eu-west-1", new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));
            using var request = new HttpRequestMessage(HttpMethod.Post, "https://abc.execute-api.eu-west-1.amazonaws.com/prod/@connections/x");

            await signer.SignAsync(request, [], "execute-api", CancellationToken.None);

            var authorization = Assert.Single(request.Headers.NonValidated["Authorization"]);
            Assert.StartsWith("AWS4-HMAC-SHA256 Credential=ASIAFROMLAMBDAENV/20260102/eu-west-1/execute-api/aws4_request, ", authorization, StringComparison.Ordinal);
            Assert.Contains("SignedHeaders=host;x-amz-date;x-amz-security-token,", authorization, StringComparison.Ordinal);
            Assert.Equal("token-from-env", Assert.Single(request.Headers.NonValidated["X-Amz-Security-Token"]));
        }
        finally
        {
            foreach (var (name, value) in saved)
                Environment.SetEnvironmentVariable(name, value);
        }
    }
}
