using RealtimeCalendar.Deploy.Functions;

namespace RealtimeCalendar.Deploy.Tests.Synthesis;

/// <summary>
/// Synthesizes each variant once per test run (a synth takes seconds): the default deployment with a built
/// client, the one with <c>-c waf=true</c> and no client build, and one with every function that has a profile
/// (the planned reminders function included) and Web Push keys, to check what the catalog will deploy once they exist.
/// </summary>
public sealed class SynthesizedStacks : IDisposable
{
    private readonly Lazy<SynthesizedStack> withWaf = new(() => StackSynthesizer.Synthesize(
        new Dictionary<string, object> { ["waf"] = "true" },
        options => options with { ClientDistDirectory = Path.Combine(Path.GetTempPath(), "rc-no-client-build-" + Guid.NewGuid().ToString("N")) }));

    private readonly Lazy<SynthesizedStack> withEveryProfile = new(() => StackSynthesizer.Synthesize(
        new Dictionary<string, object> { ["vapidPublicKey"] = VapidPublicKey, ["vapidSubject"] = "mailto:ops@example.com" },
        options => options with { Functions = [.. FunctionProfiles.All.Select(p => p.Name)] }));

    /// <summary>A P-256 public key for the every-profile stack's <c>-c vapidPublicKey</c>.</summary>
    public static string VapidPublicKey { get; } = RealtimeCalendar.WebPush.VapidKeyPair.Generate().PublicKey;

    public SynthesizedStacks()
    {
        ClientDist = StackSynthesizer.CreateClientDist();
        Default = StackSynthesizer.Synthesize(adjust: options => options with { ClientDistDirectory = ClientDist });
    }

    public string ClientDist { get; }

    public SynthesizedStack Default { get; }

    public SynthesizedStack WithWaf => withWaf.Value;

    public SynthesizedStack WithEveryProfile => withEveryProfile.Value;

    public void Dispose()
    {
        foreach (var directory in new[] { ClientDist, Default.OutputDirectory }
            .Concat(withWaf.IsValueCreated ? [withWaf.Value.OutputDirectory] : [])
            .Concat(withEveryProfile.IsValueCreated ? [withEveryProfile.Value.OutputDirectory] : []))
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is not a test failure.
            }
        }
    }
}
