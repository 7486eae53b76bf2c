using System.Runtime.InteropServices;

namespace RealtimeCalendar.Local.Hosting;

/// <summary>
/// SIGTERM (supervisors, <c>timeout</c>, <c>docker stop</c>, IDE stop buttons), SIGINT (Ctrl+C) and SIGHUP (the terminal
/// closed) all ask for the same orderly stop through <see cref="Stopping"/>. The stop is bounded: if it has not finished
/// within <see cref="OrderlyStopBound"/>, or a second signal arrives, every child is killed and the process exits 1.
/// A process started with <c>&amp;</c> from a non-interactive shell has SIGINT ignored; stop it with SIGTERM.
/// </summary>
public sealed class StopSignals : IDisposable
{
    /// <summary>How long the orderly stop (requests, sockets, stream pollers, children) may take before it is forced.</summary>
    public static readonly TimeSpan OrderlyStopBound = TimeSpan.FromSeconds(8);

    private readonly CancellationTokenSource stopping = new();
    private readonly TimeProvider time;
    private readonly PosixSignalRegistration[] registrations;
    private ITimer? bound;
    private int signals;

    public StopSignals(TimeProvider time)
    {
        this.time = time;
        registrations = [.. new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP }.Select(signal => PosixSignalRegistration.Create(signal, OnSignal))];
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Stopping => stopping.Token;

    /// <summary>The signal that asked for the stop, for the goodbye line.</summary>
    public PosixSignal? Received { get; private set; }

    public void Dispose()
    {
        foreach (var registration in registrations)
            registration.Dispose();
        bound?.Dispose();
        stopping.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Not the runtime's default (terminate at once): the stop below ends the process.
        context.Cancel = true;
        if (Interlocked.Increment(ref signals) > 1)
        {
            Force($"{context.Signal} during the stop");
            return;
        }

        Received = context.Signal;
        bound = time.CreateTimer(_ => Force($"the stop took longer than {OrderlyStopBound.TotalSeconds:0} s"), null, OrderlyStopBound, Timeout.InfiniteTimeSpan);
        // Off the signal thread, so that a second signal can still be handled while the stop runs.
        _ = Task.Run(stopping.Cancel);
    }

    private static void Force(string why)
    {
        Console.Error.WriteLine($"Forcing the stop ({why}): killing child processes.");
        ChildProcessLauncher.KillAll();
        Environment.Exit(1);
    }
}
