using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;

namespace RealtimeCalendar.Local.Hosting;

/// <summary>
/// Starts every child process of the local cloud (stand-ins, bootstrap processes, set-up commands) so that it dies with
/// the host however the host dies: on Linux under <c>setpriv --pdeathsig KILL</c>, which sets PR_SET_PDEATHSIG and then
/// execs the program itself, so the signal reaches the real process, not a wrapper. Where setpriv is missing (macOS,
/// old util-linux) children start plainly and only an orderly stop, or <see cref="KillAll"/>, ends them.
/// </summary>
public static class ChildProcessLauncher
{
    // PR_SET_PDEATHSIG fires when the *thread* that forked the child ends, not the process (man 2 prctl), and .NET retires
    // idle thread-pool threads after ~20 s. So every child is forked from one thread that lives as long as the host.
    private static readonly BlockingCollection<LaunchRequest> Requests = [];
    private static readonly ConcurrentDictionary<int, Process> Started = new();
    private static readonly Lazy<string?> Setpriv = new(FindUsableSetpriv);
    private static readonly Lazy<Thread> Launcher = new(() =>
    {
        var thread = new Thread(Launch) { IsBackground = true, Name = "child-process-launcher" };
        thread.Start();
        return thread;
    });

    /// <summary>True when children are started under <c>setpriv --pdeathsig</c> and so die even if the host is SIGKILLed.</summary>
    public static bool ChildrenDieWithHost => Setpriv.Value is not null;

    /// <summary>
    /// Starts <paramref name="start"/> (its program looked up on PATH first) from the launcher thread.
    /// Throws <see cref="Win32Exception"/> when the program is not found, as <see cref="Process.Start(ProcessStartInfo)"/> does.
    /// </summary>
    public static Process Start(ProcessStartInfo start)
    {
        var program = ExecutableSearch.Find(start.FileName) ?? throw new Win32Exception(2, $"'{start.FileName}' was not found.");
        var request = new LaunchRequest(Wrap(start, program));
        _ = Launcher.Value;
        Requests.Add(request);
        var process = request.Result.Task.GetAwaiter().GetResult();
        Started[process.Id] = process;
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => Started.TryRemove(process.Id, out _);
        return process;
    }

    /// <summary>Kills every child still running, with its tree: the last resort of a stop that overran its bound.</summary>
    public static void KillAll()
    {
        foreach (var process in Started.Values)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
            {
                // Already gone, or disposed by its owner meanwhile.
            }
        }
    }

    private static ProcessStartInfo Wrap(ProcessStartInfo start, string program)
    {
        if (Setpriv.Value is not { } setpriv)
        {
            start.FileName = program;
            return start;
        }

        if (program == setpriv)
        {
            // Already a setpriv call (the Lambda sandbox drops to Lambda's uid with it). A second setpriv would change
            // credentials after the first set the parent-death signal, and the kernel clears it on that change, so the
            // signal joins the one call instead.
            start.FileName = setpriv;
            start.ArgumentList.Insert(0, "KILL");
            start.ArgumentList.Insert(0, "--pdeathsig");
            return start;
        }

        var wrapped = new ProcessStartInfo(setpriv)
        {
            WorkingDirectory = start.WorkingDirectory,
            RedirectStandardInput = start.RedirectStandardInput,
            RedirectStandardOutput = start.RedirectStandardOutput,
            RedirectStandardError = start.RedirectStandardError,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--pdeathsig", "KILL", "--", program, .. start.ArgumentList])
            wrapped.ArgumentList.Add(argument);
        wrapped.Environment.Clear();
        foreach (var (name, value) in start.Environment)
            wrapped.Environment[name] = value;
        return wrapped;
    }

    private static void Launch()
    {
        foreach (var request in Requests.GetConsumingEnumerable())
        {
            try
            {
                request.Result.SetResult(Process.Start(request.Start) ?? throw new InvalidOperationException($"Could not start {request.Start.FileName}."));
            }
            catch (Exception e)
            {
                request.Result.SetException(e);
            }
        }
    }

    /// <summary>setpriv on PATH that knows <c>--pdeathsig</c> (util-linux 2.33+); null otherwise.</summary>
    private static string? FindUsableSetpriv()
    {
        if (!OperatingSystem.IsLinux() || ExecutableSearch.Find("setpriv") is not { } setpriv)
            return null;
        try
        {
            var probe = new ProcessStartInfo(setpriv) { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in (string[])["--pdeathsig", "KILL", "--", "true"])
                probe.ArgumentList.Add(argument);
            using var process = Process.Start(probe)!;
            process.WaitForExit(5000);
            return process.HasExited && process.ExitCode == 0 ? setpriv : null;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    private sealed record LaunchRequest(ProcessStartInfo Start)
    {
        public TaskCompletionSource<Process> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
