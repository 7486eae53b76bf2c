using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using RealtimeCalendar.Core.Secrets;
using RealtimeCalendar.Local.Hosting;
using RealtimeCalendar.StandIns.OpenAI;

namespace RealtimeCalendar.Browser.Tests.Fixtures;

/// <summary>
/// The real local cloud, serving the built browser client, plus one headless system Chromium, both started once
/// for the test run. Every test opens its own browser contexts (a context is one browser profile: its tabs share
/// the signed-in session) and signs up its own users, so tests never see each other's calendars.
/// </summary>
public sealed class BrowserCloudFixture : IAsyncLifetime
{
    /// <summary>Generous: the first sign-in also waits for Vite's bundle and cognito-local's first token.</summary>
    private const float ExpectTimeoutMs = 20_000;

    private const string CspReportBinding = "__reportCspViolation";

    private readonly List<CalendarApi> apis = [];
    private readonly List<(string Context, string Violation)> cspViolations = [];
    private IPlaywright? playwright;
    private IBrowser? browser;
    private LocalCloud? cloud;
    private ChatCompletionsServer? model;

    /// <summary>Why the browser tests cannot run here; null when they can.</summary>
    public string? SkipReason { get; private set; }

    public LocalCloud Cloud => cloud ?? throw new InvalidOperationException(SkipReason ?? "The local cloud is not running.");

    /// <summary>The scripted stand-in for OpenAI's API that the chat panel's questions reach.</summary>
    public ChatCompletionsServer Model => model ?? throw new InvalidOperationException(SkipReason ?? "The model server is not running.");

    public IBrowser Browser => browser ?? throw new InvalidOperationException(SkipReason ?? "No browser is running.");

    public async Task InitializeAsync()
    {
        var chromium = ChromiumLocator.Find();
        if (chromium is null)
        {
            const string missing = $"no Chromium at {ChromiumLocator.DebianPath} or on PATH (install it with `apt-get install -y chromium`; "
                + "never `playwright install`).";
            if (ChromiumLocator.RunningInCi)
                throw new InvalidOperationException($"CI=true, so the browser tests must run, but there is {missing}");
            SkipReason = $"Browser tests skipped: there is {missing} Under CI=true this fails the run instead.";
            return;
        }

        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);
        var repository = RepositoryRoot.Find();
        var apiKey = "sk-test-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        model = await ChatCompletionsServer.StartAsync(apiKey);
        cloud = await LocalCloud.StartAsync(
            new LocalCloudOptions
            {
                Port = 0,
                InMemory = true,
                DataDirectory = Path.Combine(Path.GetTempPath(), "rc-browser-unused"),
                ToolCacheDirectory = Path.Combine(repository, ".local-data", "tools"),
                ServeClient = true,
                ChatApiKey = new FixedSecret(apiKey),
                OpenAiBaseUrl = model.BaseAddress,
            },
            NullLoggerFactory.Instance,
            CancellationToken.None);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = chromium, Headless = true });
    }

    /// <summary>First line of every test: skips with the reason when this machine has no Chromium.</summary>
    public void RequireBrowser() => Skip.If(SkipReason is not null, SkipReason);

    /// <summary>Signs a brand-new user up in the local pool, with an API client signed in as them.</summary>
    public async Task<CalendarUser> CreateUserAsync()
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var password = "Pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) + "-a1";
        var userId = await Cloud.Cognito.CreateConfirmedUserAsync(Cloud.UserPool.UserPoolId, Cloud.UserPool.ClientId, email, password, CancellationToken.None);
        var tokens = await Cloud.SignInAsync(email, password, CancellationToken.None);
        var http = new HttpClient { BaseAddress = Cloud.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);
        var api = new CalendarApi(http);
        lock (apis)
            apis.Add(api);
        return new CalendarUser(userId, email, password, api);
    }

    /// <summary>
    /// A fresh browser profile on the local cloud, in UTC so that times on screen are the stored ones, with a
    /// user agent that names it, so a test can find its sockets in the gateway. Every Content-Security-Policy
    /// violation in it (the <c>securitypolicyviolation</c> event, or Chromium's console report) is recorded under
    /// <paramref name="name"/>; any left unclaimed fail the run when the fixture ends.
    /// </summary>
    /// <param name="name">Names the context in its user agent and in recorded CSP violations.</param>
    /// <param name="viewport">The window's size; 1280x900 when left out (a phone is 390x844).</param>
    public async Task<IBrowserContext> NewContextAsync(string name, ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Cloud.BaseUrl.ToString(),
            TimezoneId = "UTC",
            Locale = "en-US",
            ViewportSize = viewport ?? new() { Width = 1280, Height = 900 },
            UserAgent = UserAgentFor(name),
        });
        await context.ExposeFunctionAsync<string>(CspReportBinding, violation => RecordCspViolation(name, violation));
        await context.AddInitScriptAsync(
            $"document.addEventListener('securitypolicyviolation', e => window.{CspReportBinding}(`${{e.effectiveDirective}} blocked ${{e.blockedURI}} (${{e.sourceFile}}:${{e.lineNumber}})`));");
        context.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                RecordCspViolation(name, message.Text);
        };
        return context;
    }

    /// <summary>The CSP violations recorded so far in contexts named <paramref name="contextName"/>, which are then forgotten.</summary>
    public IReadOnlyList<string> TakeCspViolations(string contextName)
    {
        lock (cspViolations)
        {
            var taken = cspViolations.Where(v => v.Context == contextName).Select(v => v.Violation).ToList();
            cspViolations.RemoveAll(v => v.Context == contextName);
            return taken;
        }
    }

    private void RecordCspViolation(string context, string violation)
    {
        lock (cspViolations)
            cspViolations.Add((context, violation));
    }

    /// <summary>Chromium's own user agent with the context's name appended.</summary>
    public string UserAgentFor(string contextName) =>
        $"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/{Browser.Version} Safari/537.36 RealtimeCalendarBrowserTests/{contextName}";

    public async Task DisposeAsync()
    {
        lock (apis)
        {
            foreach (var api in apis)
                api.Dispose();
            apis.Clear();
        }

        if (browser is not null)
            await browser.DisposeAsync();
        playwright?.Dispose();
        if (cloud is not null)
            await cloud.DisposeAsync();
        if (model is not null)
            await model.DisposeAsync();

        // The app must run under its own security headers: a violation no test claimed fails the run.
        lock (cspViolations)
        {
            if (cspViolations.Count > 0)
                throw new InvalidOperationException(
                    "Content-Security-Policy violations in the browser tests:\n" + string.Join("\n", cspViolations.Select(v => $"[{v.Context}] {v.Violation}")));
        }
    }
}
