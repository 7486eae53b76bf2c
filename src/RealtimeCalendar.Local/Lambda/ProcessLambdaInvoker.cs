using System.Collections.Concurrent;
using System.Diagnostics;
using RealtimeCalendar.Local.Hosting;

namespace RealtimeCalendar.Local.Lambda;

/// <summary>
/// Runs each function as Lambda runs the container image: the published <c>bootstrap</c> in child processes inside the
/// <see cref="LambdaSandbox"/>, started with the function name (the image CMD) and <c>AWS_LAMBDA_RUNTIME_API</c> pointing
/// at a local Runtime API. Processes start on first use, are restarted if they die, and are stopped with the host,
/// which also removes the sandbox.
/// </summary>
public sealed class ProcessLambdaInvoker(
    LambdaSandbox sandbox, string region, int processesPerFunction, TimeSpan timeout, ILoggerFactory loggerFactory) : ILambdaInvoker, IAsyncDisposable
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

        sandbox.Dispose();
    }

    private async Task<FunctionHost> StartHostAsync(string functionName)
    {
        var runtime = new RuntimeApiEndpoint(functionName, region, TimeProvider.System, logger);
        await runtime.StartAsync(CancellationToken.None);
        var host = new FunctionHost(functionName, runtime, this);
        host.ReplaceExitedProcesses();
        logger.LogInformation("Function {Function}: {Count} bootstrap process(es) on Runtime API {Address}", functionName, processesPerFunction, runtime.Address);
        return host;
    }

    private Process StartProcess(string functionName, string runtimeApi)
    {
        // Through the launcher, so bootstrap processes die with the host however it dies.
        var process = ChildProcessLauncher.Start(sandbox.CreateStartInfo(functionName, runtimeApi));
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
