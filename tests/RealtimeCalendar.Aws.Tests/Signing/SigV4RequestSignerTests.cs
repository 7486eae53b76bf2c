using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Microsoft.Extensions.Time.Testing;
using RealtimeCalendar.Aws.Signing;

namespace RealtimeCalendar.Aws.Tests.Signing;

/// <summary>
/// Signatures checked against AWS's published Signature Version 4 test suite (fixed date 2015-08-30T12:36:00Z,
/// key AKIDEXAMPLE, region us-east-1, service "service"), so a canonicalization slip fails here, not against AWS.
/// </summary>
public sealed class SigV4RequestSignerTests
{
    private const string SuiteAccessKey = "AKIDEXAMPLE";
    private const string SuiteSecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string SuiteScope = "Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request";

    private const string SuiteSessionToken =
        "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/" +
        "qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT" +
        "38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

    private static readonly DateTimeOffset SuiteDate = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Fact]
    public async Task Get_vanilla_matches_the_published_signature()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");

        await SuiteSigner().SignAsync(request, [], "service", CancellationToken.None);

        Assert.Equal(
            $"AWS4-HMAC-SHA256 {SuiteScope}, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            Single(request, "Authorization"));
        Assert.Equal("20150830T123600Z", Single(request, "X-Amz-Date"));
        Assert.False(request.Headers.Contains("X-Amz-Security-Token"));
    }

    [Theory]
    [InlineData("GET", "https://example.amazonaws.com/?Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")]
    [InlineData("GET", "https://example.amazonaws.com/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f")]
    [InlineData("GET", "https://example.amazonaws.com/example/$delete", "a853c9b21b528b19643d00910d35b83a10c366a10833ceefb45edd6c80e40f27")]
    [InlineData("POST", "https://example.amazonaws.com/", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
    public async Task Suite_requests_without_extra_headers_match_the_published_signatures(string method, string url, string signature)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);

        await SuiteSigner().SignAsync(request, [], "service", CancellationToken.None);

        Assert.Equal($"AWS4-HMAC-SHA256 {SuiteScope}, SignedHeaders=host;x-amz-date, Signature={signature}", Single(request, "Authorization"));
    }

    [Fact]
    public async Task Header_values_are_trimmed_and_inner_spaces_collapsed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        request.Headers.TryAddWithoutValidation("My-Header1", " value1");
        request.Headers.TryAddWithoutValidation("My-Header2", "\"a   b   c\"");

        await SuiteSigner().SignAsync(request, [], "service", CancellationToken.None);

        Assert.Equal(
            $"AWS4-HMAC-SHA256 {SuiteScope}, SignedHeaders=host;my-header1;my-header2;x-amz-date, Signature=acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736",
            Single(request, "Authorization"));
    }

    [Fact]
    public async Task Header_value_case_is_kept()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.amazonaws.com/");
        request.Headers.TryAddWithoutValidation("My-Header1", "VALUE1");

        await SuiteSigner().SignAsync(request, [], "service", CancellationToken.None);

        Assert.Equal(
            $"AWS4-HMAC-SHA256 {SuiteScope}, SignedHeaders=host;my-header1;x-amz-date, Signature=cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d",
            Single(request, "Authorization"));
    }

    [Fact]
    public async Task Iam_list_users_example_signs_the_query_and_content_type()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08")
        {
            Content = new ByteArrayContent([]),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");

        await SuiteSigner().SignAsync(request, [], "iam", CancellationToken.None);

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, " +
            "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
            Single(request, "Authorization"));
    }

    [Fact]
    public async Task Session_credentials_add_and_sign_the_security_token()
    {
        var signer = new SigV4RequestSigner(
            new SessionAWSCredentials(SuiteAccessKey, SuiteSecretKey, SuiteSessionToken), "us-east-1", new FakeTimeProvider(SuiteDate));
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.amazonaws.com/");

        await signer.SignAsync(request, [], "service", CancellationToken.None);

        Assert.Equal(SuiteSessionToken, Single(request, "X-Amz-Security-Token"));
        Assert.Equal(
            $"AWS4-HMAC-SHA256 {SuiteScope}, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead",
            Single(request, "Authorization"));
    }

    [Fact]
    public async Task Connection_id_path_is_encoded_again_and_the_body_hashed()
    {
        // What AWS recomputes from the raw path it receives: every segment percent-encoded once more.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));
        var signer = SigV4RequestSigner.ForLocalCloud("eu-west-1", time);
        var body = "{\"type\":\"pong\"}"u8.ToArray();
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:8123/prod/@connections/Zx3_abc%3D");

        await signer.SignAsync(request, body, "execute-api", CancellationToken.None);

        var canonical = string.Join('\n',
            "POST",
            "/prod/%40connections/Zx3_abc%253D",
            "",
            "host:127.0.0.1:8123",
            "x-amz-date:20260304T050607Z",
            "",
            "host;x-amz-date",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)));
        var expected = AWS4Signer.ComputeSignature(
            new ImmutableCredentials("local", "local", null), "eu-west-1", time.GetUtcNow().UtcDateTime, "execute-api", "host;x-amz-date", canonical);
        Assert.Equal(expected.ForAuthorizationHeader, Single(request, "Authorization"));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=local/20260304/eu-west-1/execute-api/aws4_request, ", expected.ForAuthorizationHeader, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_parameters_are_decoded_reencoded_and_sorted()
    {
        var time = new FakeTimeProvider(SuiteDate);
        var signer = new SigV4RequestSigner(new BasicAWSCredentials(SuiteAccessKey, SuiteSecretKey), "us-east-1", time);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/?b=2&a=x%20y&a=%E1%88%B4&flag&c=a+b");

        await signer.SignAsync(request, [], "service", CancellationToken.None);

        var canonical = string.Join('\n',
            "GET",
            "/",
            "a=%E1%88%B4&a=x%20y&b=2&c=a%2Bb&flag=",
            "host:example.amazonaws.com",
            "x-amz-date:20150830T123600Z",
            "",
            "host;x-amz-date",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        var expected = AWS4Signer.ComputeSignature(
            new ImmutableCredentials(SuiteAccessKey, SuiteSecretKey, null), "us-east-1", SuiteDate.UtcDateTime, "service", "host;x-amz-date", canonical);
        Assert.Equal(expected.ForAuthorizationHeader, Single(request, "Authorization"));
    }

    [Fact]
    public async Task Signing_again_replaces_the_previous_signature()
    {
        var time = new FakeTimeProvider(SuiteDate);
        var signer = new SigV4RequestSigner(new BasicAWSCredentials(SuiteAccessKey, SuiteSecretKey), "us-east-1", time);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");
        await signer.SignAsync(request, [], "service", CancellationToken.None);
        var first = Single(request, "Authorization");

        time.Advance(TimeSpan.FromSeconds(30));
        await signer.SignAsync(request, [], "service", CancellationToken.None);

        Assert.Equal("20150830T123630Z", Single(request, "X-Amz-Date"));
        Assert.NotEqual(first, Single(request, "Authorization"));
        Assert.Contains("SignedHeaders=host;x-amz-date,", Single(request, "Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_cloud_signer_uses_the_dummy_key_without_a_token()
    {
        var signer = SigV4RequestSigner.ForLocalCloud("us-east-1", new FakeTimeProvider(SuiteDate));
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:4566/");

        await signer.SignAsync(request, Encoding.UTF8.GetBytes("{}"), "dynamodb", CancellationToken.None);

        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=local/20150830/us-east-1/dynamodb/aws4_request, ", Single(request, "Authorization"), StringComparison.Ordinal);
        Assert.False(request.Headers.Contains("X-Amz-Security-Token"));
    }

    private static SigV4RequestSigner SuiteSigner() =>
        new(new BasicAWSCredentials(SuiteAccessKey, SuiteSecretKey), "us-east-1", new FakeTimeProvider(SuiteDate));

    private static string Single(HttpRequestMessage request, string header) =>
        Assert.Single(request.Headers.NonValidated[header]);
}
