using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Lambda.Runtime;

namespace RealtimeCalendar.Functions.Bootstrap;

/// <summary>
/// What a Lambda entry point does: reads which function to serve from the image's CMD (first argument) or
/// <c>_HANDLER</c>, builds the services once, and runs the Runtime API loop until Lambda stops the process. Shared by
/// the Native AOT <c>bootstrap</c> and the JIT <c>google-bootstrap</c>, which differ only in the Google adapters.
/// </summary>
public static class FunctionHost
{
    public static async Task<int> RunAsync(string[] args, Func<ILoggerFactory, Func<GoogleApiCredentials, GoogleApiAdapters>>? googleAdapters)
    {
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
                    services = new FunctionServices(
                        FunctionSettings.FromEnvironment(), loggerFactory, TimeProvider.System, googleAdapters: googleAdapters?.Invoke(loggerFactory));
                    logger.LogInformation("Serving function {Function}", functionName);
                    return Task.FromResult(FunctionCatalog.Create(functionName, services));
                },
                stopping.Token);
        }
        finally
        {
            services?.Dispose();
        }
    }
}
