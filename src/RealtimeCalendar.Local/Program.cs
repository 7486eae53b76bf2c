using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Local.Hosting;
using RealtimeCalendar.Local.NodeTools;

LocalCloudOptions options;
try
{
    options = LocalCloudCommandLine.Parse(args, LocalCloudCommandLine.DefaultDataDirectory());
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

using var loggerFactory = LoggerFactory.Create(logging => logging
    .SetMinimumLevel(LogLevel.Information)
    .AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
    .AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning)
    .AddSimpleConsole(console =>
    {
        console.SingleLine = true;
        console.TimestampFormat = "HH:mm:ss ";
        console.ColorBehavior = LoggerColorBehavior.Default;
    }));

// SIGTERM, SIGINT and SIGHUP all stop it the same orderly way, bounded (StopSignals); a user's mistake at start-up
// (a taken port, no Java, a locked or unwritable data folder) is one line and exit 1, never a stack trace.
using var signals = new StopSignals(TimeProvider.System);
var stopping = signals.Stopping;

LocalCloud cloud;
try
{
    cloud = await LocalCloud.StartAsync(options, loggerFactory, stopping);
}
catch (LocalToolException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    // Stopped while starting: what had started is stopped already.
    return 0;
}

await using (cloud)
{
    var pool = cloud.UserPool;
    string token;
    try
    {
        token = (await cloud.SignInAsync(pool.DeveloperEmail, pool.DeveloperPassword, stopping)).AccessToken;
    }
    catch (OperationCanceledException) when (stopping.IsCancellationRequested)
    {
        return 0;
    }

    Console.WriteLine($"""

        RealtimeCalendar local cloud is running
          Calendar   {cloud.BaseUrl}
          HTTP API   {cloud.BaseUrl}api/events
          WebSocket  {cloud.WebSocketUrl}
          Cognito    {cloud.Cognito.Endpoint}  (user pool {pool.UserPoolId}, app client {pool.ClientId})
          Data       {(options.InMemory ? "in memory (nothing is kept)" : options.DataDirectory)}

        Sign in as   {pool.DeveloperEmail}
        Password     {pool.DeveloperPassword}

        An access token for curl (expires; restart or see src/RealtimeCalendar.Local/README.md for a fresh one):
          export TOKEN={token}
        Watch pushes live:
          {Path.GetRelativePath(Environment.CurrentDirectory, new NodeToolsInstaller(options.ToolCache, NullLogger<NodeToolsInstaller>.Instance).Wscat)} -c "{cloud.WebSocketUrl}?token=$TOKEN"

        Press Ctrl+C (or send SIGTERM) to stop.
        """);
    try
    {
        await Task.Delay(Timeout.Infinite, stopping);
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine($"Stopping ({signals.Received})…");
    }
}

return 0;
