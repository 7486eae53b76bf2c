using Microsoft.Extensions.Logging;
using RealtimeCalendar.Functions.Bootstrap;
using RealtimeCalendar.Lambda.Runtime;

// The one entry point of the container image: the function to serve is named by the image's CMD
// (passed as the first argument) or by _HANDLER, as Lambda sets it for custom runtimes.
var functionName = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("_HANDLER");

using var loggerFactory = LoggerFactory.Create(logging => logging
    .SetMinimumLevel(LogLevel.Information)
    .AddJsonConsole(json => json.UseUtcTimestamp = true));
var logger = loggerFactory.CreateLogger("bootstrap");

using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopping.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stopping.Cancel();

using var runtimeApi = RuntimeApiClient.FromEnvironment();
FunctionServices? services = null;
try
{
    var bootstrap = new LambdaBootstrap(runtimeApi, TimeProvider.System, loggerFactory.CreateLogger<LambdaBootstrap>());
    return await bootstrap.RunAsync(
        _ =>
        {
            if (string.IsNullOrEmpty(functionName))
                throw new InvalidOperationException("No function named: set the image CMD or _HANDLER to one of " + string.Join(", ", FunctionCatalog.Names) + ".");
            services = new FunctionServices(FunctionSettings.FromEnvironment(), loggerFactory, TimeProvider.System);
            logger.LogInformation("Serving function {Function}", functionName);
            return Task.FromResult(FunctionCatalog.Create(functionName, services));
        },
        stopping.Token);
}
finally
{
    services?.Dispose();
}
