using RealtimeCalendar.StandIns.OpenAI;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Secrets;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.EndToEnd.Tests.Chat;

/// <summary>
/// A local cloud whose chat talks, through the real OpenAI client, to <see cref="ChatCompletionsServer"/>. Its limits
/// are low so tests can reach them; every log line is kept so tests can check the API key never appears.
/// </summary>
public sealed class ChatCloudFixture : IAsyncLifetime
{
    public const int QuestionsPerDay = 6;
    public const int RequestsPerMinute = 40;
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    private readonly RecordingLoggerProvider logs = new();
    private ILoggerFactory loggerFactory = null!;

    /// <summary>A fresh key per run, shaped like OpenAI's, so a leak cannot be a coincidence.</summary>
    public string ApiKey { get; } = "sk-test-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public ChatCompletionsServer Model { get; private set; } = null!;

    public LocalCloud Cloud { get; private set; } = null!;

    public IReadOnlyList<string> LogLines => logs.Lines;

    public async Task InitializeAsync()
    {
        Model = await ChatCompletionsServer.StartAsync(ApiKey);
        loggerFactory = LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        var options = TestCloudOptions.InMemory with
        {
            ChatApiKey = new FixedSecret(ApiKey),
            OpenAiBaseUrl = Model.BaseAddress,
            OpenAiModel = "gpt-4o-mini",
            OpenAiAttemptTimeout = AttemptTimeout,
            ChatQuestionsPerUserPerDay = QuestionsPerDay,
            RequestsPerUserPerMinute = RequestsPerMinute,
        };
        Cloud = await LocalCloud.StartAsync(options, loggerFactory, CancellationToken.None);
    }

    public Task<TestUser> CreateUserAsync() => TestUser.CreateAsync(Cloud);

    public async Task DisposeAsync()
    {
        if (Cloud is not null)
            await Cloud.DisposeAsync();
        if (Model is not null)
            await Model.DisposeAsync();
        loggerFactory?.Dispose();
        logs.Dispose();
    }
}
