using Microsoft.Extensions.Logging.Console;
using RealtimeCalendar.Local.Hosting;

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

using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Let the host stop its child processes instead of dying with them still running.
    e.Cancel = true;
    stopping.Cancel();
};

LocalCloud cloud;
try
{
    cloud = await LocalCloud.StartAsync(options, loggerFactory, stopping.Token);
}
catch (LocalToolException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (OperationCanceledException)
{
    return 130;
}

await using (cloud)
{
    var pool = cloud.UserPool;
    var token = (await cloud.SignInAsync(pool.DeveloperEmail, pool.DeveloperPassword, stopping.Token)).AccessToken;
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
          npx wscat -c "{cloud.WebSocketUrl}?token=$TOKEN"

        Press Ctrl+C to stop.
        """);
    try
    {
        await Task.Delay(Timeout.Infinite, stopping.Token);
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine("Stopping…");
    }
}

return 0;
