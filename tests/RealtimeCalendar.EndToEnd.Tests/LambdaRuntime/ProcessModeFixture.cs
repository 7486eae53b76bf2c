using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.Core.Secrets;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.Local.Hosting;
using RealtimeCalendar.StandIns.OpenAI;

namespace RealtimeCalendar.EndToEnd.Tests.LambdaRuntime;

/// <summary>
/// A local cloud that runs every function as <c>bootstrap</c> child processes inside the Lambda sandbox, over the
/// Lambda Runtime API (<c>--lambda process</c>), with the chat talking to the OpenAI stand-in. It runs the
/// framework-dependent <c>bootstrap</c> that the build of RealtimeCalendar.Functions produces: the same program the
/// container's Native AOT publish compiles, without making every test run wait for an AOT publish
/// (<see cref="PublishedBootstrapFixture"/> runs that one).
/// </summary>
public sealed class ProcessModeFixture : IAsyncLifetime
{
    /// <summary>A fresh key per run, shaped like OpenAI's; it reaches only the chat function's environment.</summary>
    public string ApiKey { get; } = "sk-test-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public ChatCompletionsServer Model { get; private set; } = null!;

    public LocalCloud Cloud { get; private set; } = null!;

    /// <summary>The reminder schedule's clock: the bootstrap process sweeps the minute the event carries, not its own clock's.</summary>
    public FakeTimeProvider ReminderClock { get; } = new(ReminderSchedule.MinuteOf(DateTimeOffset.UtcNow));

    public async Task InitializeAsync()
    {
        Model = await ChatCompletionsServer.StartAsync(ApiKey);
        var options = TestCloudOptions.InMemory with
        {
            Lambda = LambdaMode.Process,
            BootstrapPath = BuildOutput.Of("RealtimeCalendar.Functions", "bootstrap"),
            ChatApiKey = new FixedSecret(ApiKey),
            OpenAiBaseUrl = Model.BaseAddress,
            ReminderScheduleClock = ReminderClock,
        };
        Cloud = await LocalCloud.StartAsync(options, NullLoggerFactory.Instance, CancellationToken.None);
    }

    public Task<TestUser> CreateUserAsync() => TestUser.CreateAsync(Cloud);

    public async Task DisposeAsync()
    {
        if (Cloud is not null)
            await Cloud.DisposeAsync();
        if (Model is not null)
            await Model.DisposeAsync();
    }
}
