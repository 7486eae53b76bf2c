using RealtimeCalendar.StandIns.OpenAI;

namespace RealtimeCalendar.EndToEnd.Tests.Chat;

/// <summary>
/// A chat test against the scripted model: starts with an empty script and no recorded requests, and fails if the
/// assistant stopped before using every reply the test scripted.
/// </summary>
public abstract class ScriptedModelTests : IDisposable
{
    protected ScriptedModelTests(ChatCloudFixture fixture)
    {
        Fixture = fixture;
        fixture.Model.Reset();
    }

    protected ChatCloudFixture Fixture { get; }

    protected ChatCompletionsServer Model => Fixture.Model;

    public void Dispose()
    {
        Assert.Equal(0, Fixture.Model.Pending);
        GC.SuppressFinalize(this);
    }
}
