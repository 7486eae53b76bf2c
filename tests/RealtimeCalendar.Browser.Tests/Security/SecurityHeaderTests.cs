using System.Text.Json.Nodes;
using RealtimeCalendar.Browser.Tests.Fixtures;
using RealtimeCalendar.Functions.Site;
using Xunit.Abstractions;

namespace RealtimeCalendar.Browser.Tests.Security;

/// <summary>
/// The app runs under the security headers both hosts serve (<see cref="SiteSecurityHeaders"/>): the local cloud sends
/// them, and a sign-in with a live socket causes no Content-Security-Policy violation. Every other browser test is held
/// to the same through the fixture, which fails the run on any violation no test claimed.
/// </summary>
[Collection(BrowserCloudCollection.Name)]
public sealed class SecurityHeaderTests(BrowserCloudFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task The_app_is_served_with_the_shared_headers_and_signs_in_live_without_a_csp_violation()
    {
        fixture.RequireBrowser();
        var user = await fixture.CreateUserAsync();
        await using var context = await fixture.NewContextAsync("headers");
        var config = JsonNode.Parse(await (await context.APIRequest.GetAsync("/config.json")).TextAsync())!;
        var expected = SiteSecurityHeaders.For((string)config["webSocketUrl"]!, (string)config["cognito"]!["endpoint"]!);

        foreach (var path in new[] { "/", "/index.html", "/config.json" })
        {
            var response = await context.APIRequest.GetAsync(path);
            foreach (var (name, value) in expected.Headers)
                Assert.True(response.Headers.TryGetValue(name.ToLowerInvariant(), out var sent) && sent == value, $"{path}: {name} was '{sent}', not '{value}'");
        }

        var tab = await CalendarTab.OpenAsync(context, output, "headers");
        await tab.SignInAsync(user);
        await tab.Page.ReloadAsync();
        await tab.ExpectLiveAsync();

        Assert.Empty(fixture.TakeCspViolations("headers"));
    }

    [SkippableFact]
    public async Task A_connection_the_policy_does_not_allow_is_caught_as_a_violation()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.NewContextAsync("csp-control");
        var tab = await CalendarTab.OpenAsync(context, output, "csp-control");

        await tab.Page.EvaluateAsync("() => fetch('https://example.com/').catch(() => {})");

        var deadline = DateTime.UtcNow.AddSeconds(10);
        IReadOnlyList<string> violations = [];
        while (violations.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            violations = fixture.TakeCspViolations("csp-control");
        }

        Assert.Contains(violations, v => v.Contains("connect-src", StringComparison.Ordinal));
        await Task.Delay(500);
        fixture.TakeCspViolations("csp-control");
    }
}
