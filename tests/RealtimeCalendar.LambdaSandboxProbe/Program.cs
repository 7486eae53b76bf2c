using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Lambda.Runtime;
using RealtimeCalendar.LambdaSandboxProbe;

// Served over the Runtime API like the bootstrap, so the sandbox tests see the function's side of the sandbox.
using var stopping = new CancellationTokenSource();
AppDomain.CurrentDomain.ProcessExit += (_, _) => stopping.Cancel();
using var runtimeApi = RuntimeApiClient.FromEnvironment();
var bootstrap = new LambdaBootstrap(runtimeApi, TimeProvider.System, NullLogger<LambdaBootstrap>.Instance);
return await bootstrap.RunAsync(_ => Task.FromResult<RealtimeCalendar.Lambda.Hosting.ILambdaFunction>(new SandboxReportFunction()), stopping.Token);
