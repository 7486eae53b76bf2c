using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.EndToEnd.Tests.Lifecycle;

/// <summary>
/// The local cloud as a user runs it: the program <c>dotnet run --project src/RealtimeCalendar.Local -- ARGS</c> starts,
/// from the repository root, as a process of its own. It runs the build's apphost (what <c>dotnet run</c> executes after
/// building) rather than <c>dotnet run</c> itself: <c>dotnet run</c> would make the host a grandchild behind the CLI
/// (signals and pids would reach the wrong process) and would rebuild the project in every test.
/// </summary>
internal sealed class LocalCloudProcess : IAsyncDisposable
{
    public const string RunningBanner = "RealtimeCalendar local cloud is running";

    private readonly Process process;
    private readonly ConcurrentQueue<string> stdout = new();
    private readonly ConcurrentQueue<string> stderr = new();
    private readonly TaskCompletionSource running = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LocalCloudProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                return;
            stdout.Enqueue(e.Data);
            if (e.Data.Contains(RunningBanner, StringComparison.Ordinal))
                running.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                stderr.Enqueue(e.Data);
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public IReadOnlyList<string> StandardOutput => [.. stdout];

    public IReadOnlyList<string> StandardError => [.. stderr];

    /// <summary>Everything it printed, for assertion messages.</summary>
    public string Transcript => string.Join('\n', [.. stdout, "--- stderr ---", .. stderr]);

    public static LocalCloudProcess Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(BuildOutput.Of("RealtimeCalendar.Local", "RealtimeCalendar.Local"))
        {
            WorkingDirectory = Path.GetDirectoryName(LocalCloudCommandLine.DefaultDataDirectory())!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return new LocalCloudProcess(Process.Start(start)!);
    }

    /// <summary>Waits for the start-up banner; fails with the transcript if the process exits or takes too long.</summary>
    public async Task WaitUntilRunningAsync(TimeSpan timeout)
    {
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(running.Task, exited, Task.Delay(timeout));
        Assert.True(first == running.Task, $"The local cloud did not come up within {timeout.TotalSeconds:0} s:\n{Transcript}");
    }

    /// <summary>Waits for the exit; true when it exited within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
            // The redirected streams are read to their end once the process has exited.
            await process.WaitForExitAsync();
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Sends a signal by name (TERM, HUP, INT, KILL) as a supervisor or a terminal would.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-s", name, Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>The pids of every live descendant (children, grandchildren …), from /proc.</summary>
    public IReadOnlyList<int> Descendants() => ProcessTree.DescendantsOf(Id);

    public async ValueTask DisposeAsync()
    {
        // A failed test must not leave a local cloud (or its children) behind.
        var tree = ProcessTree.DescendantsOf(Id);
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        ProcessTree.Kill(tree);
        process.Dispose();
    }
}
