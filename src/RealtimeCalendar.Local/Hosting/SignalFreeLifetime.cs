namespace RealtimeCalendar.Local.Hosting;

/// <summary>
/// The lifetime of the local cloud's web hosts (the API port, each function's Runtime API). The default ConsoleLifetime
/// would take SIGINT/SIGTERM for itself, stop just that one host and swallow the signal, leaving the process serving
/// nothing and its children running; signals belong to <see cref="StopSignals"/>, which stops everything in order.
/// </summary>
internal sealed class SignalFreeLifetime : IHostLifetime
{
    /// <summary>How long stopping a web host may wait for requests in flight before it aborts them.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(3);

    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Uses this lifetime and a bounded shutdown in a web host being built.</summary>
    public static void Use(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IHostLifetime, SignalFreeLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
    }
}
