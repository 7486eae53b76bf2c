using System.Collections.Concurrent;
using System.Diagnostics;
using RealtimeCalendar.Functions.Bootstrap;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Local.Lambda;

/// <summary>
/// Runs each function as Lambda runs the container image: the published <c>bootstrap</c> in child processes,
/// started with the function name (the image CMD) and <c>AWS_LAMBDA_RUNTIME_API</c> pointing at a local Runtime API.
/// Processes start on first use, are restarted if they die, and are stopped with the host.
/// </summary>
public sealed class ProcessLambdaInvoker(
    string bootstrapPath, FunctionSettings settings, int processesPerFunction, TimeSpan timeout, ILoggerFactory loggerFactory) : ILambdaInvoker, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<FunctionHost>>> hosts = new(StringComparer.Ordinal);
    private readonly ILogger logger = loggerFactory.CreateLogger<ProcessLambdaInvoker>();

    private int ProcessesPerFunction => processesPerFunction;

    public async Task<byte[]> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken)
    {
        var host = await hosts.GetOrAdd(functionName, name => new Lazy<Task<FunctionHost>>(() => StartHostAsync(name))).Value;
        host.ReplaceExitedProcesses();
        if (host.Runtime.InitError is { } initError && host.AllExited)
            throw new LambdaFunctionException("Runtime.InitError", initError);
        return await host.Runtime.InvokeAsync(payload, timeout, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in hosts.Values)
        {
            if (lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
                await lazy.Value.Result.DisposeAsync();
        }
    }

    private async Task<FunctionHost> StartHostAsync(string functionName)
    {
        var runtime = new RuntimeApiEndpoint(functionName, settings.Region, TimeProvider.System, logger);
        await runtime.StartAsync(CancellationToken.None);
        var host = new FunctionHost(functionName, runtime, this);
        host.ReplaceExitedProcesses();
        logger.LogInformation("Function {Function}: {Count} bootstrap process(es) on Runtime API {Address}", functionName, processesPerFunction, runtime.Address);
        return host;
    }

    private Process StartProcess(string functionName, string runtimeApi)
    {
        var start = new ProcessStartInfo(bootstrapPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(functionName);
        foreach (var (name, value) in settings.ToVariables())
            start.Environment[name] = value;
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        start.Environment["_HANDLER"] = functionName;
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = functionName;
        foreach (var credential in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN" })
        {
            if (Environment.GetEnvironmentVariable(credential) is { Length: > 0 } value)
                start.Environment[credential] = value;
        }

        // Through the launcher, so bootstrap processes die with the host however it dies.
        var process = ChildProcessLauncher.Start(start);
        var functionLogger = loggerFactory.CreateLogger("function." + functionName);
        // The functions log JSON lines to stdout as they would to CloudWatch; pass them on.
        process.OutputDataReceived += (_, e) => { if (!string.IsNullOrEmpty(e.Data)) functionLogger.LogInformation("{Line}", e.Data); };
        process.ErrorDataReceived += (_, e) => { if (!string.IsNullOrEmpty(e.Data)) functionLogger.LogWarning("{Line}", e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private sealed class FunctionHost(string functionName, RuntimeApiEndpoint runtime, ProcessLambdaInvoker owner) : IAsyncDisposable
    {
        private readonly Process?[] processes = new Process?[owner.ProcessesPerFunction];
        private readonly Lock gate = new();

        public RuntimeApiEndpoint Runtime => runtime;

        public bool AllExited
        {
            get
            {
                lock (gate)
                    return processes.All(p => p is null || p.HasExited);
            }
        }

        public void ReplaceExitedProcesses()
        {
            lock (gate)
            {
                for (var i = 0; i < processes.Length; i++)
                {
                    if (processes[i] is { HasExited: false })
                        continue;
                    // A process that failed its init stays down until the init error is fixed, as Lambda would keep failing.
                    if (processes[i] is not null && runtime.InitError is not null)
                        continue;
                    processes[i]?.Dispose();
                    processes[i] = owner.StartProcess(functionName, runtime.Address);
                }
            }
        }

        public async ValueTask DisposeAsync()
        {
            lock (gate)
            {
                foreach (var process in processes)
                {
                    if (process is { HasExited: false })
                        process.Kill(entireProcessTree: true);
                }
            }

            foreach (var process in processes)
            {
                if (process is not null)
                {
                    await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
                    process.Dispose();
                }
            }

            await runtime.DisposeAsync();
        }
    }
}
