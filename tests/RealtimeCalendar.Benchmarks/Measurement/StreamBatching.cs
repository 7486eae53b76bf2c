namespace RealtimeCalendar.Benchmarks.Measurement;

/// <summary>How the stream trigger grouped the run's records into <c>notify</c> invocations (retries count as invocations).</summary>
public sealed record StreamBatching(long Invocations, long Records)
{
    public double RecordsPerInvocation => Invocations == 0 ? 0 : (double)Records / Invocations;
}
