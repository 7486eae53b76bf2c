using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.Functions.Bootstrap;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Local.Lambda;

namespace RealtimeCalendar.EndToEnd.Tests.LambdaRuntime;

/// <summary>
/// The Lambda sandbox seen from inside: a test-only function (<c>lambda-sandbox-probe</c>) runs through the same
/// <see cref="LambdaSandbox"/> and <see cref="ProcessLambdaInvoker"/> as the bootstrap, tries what product code must
/// never rely on, and reports what happened.
/// </summary>
public sealed class LambdaSandboxTests : IAsyncLifetime
{
    private const string Region = "eu-central-1";
    private const string HostOnlyVariable = "RC_SANDBOX_TEST_HOST_ONLY";

    private readonly string hostFolder = Path.Combine(Path.GetTempPath(), "rc-sandbox-host-" + Guid.NewGuid().ToString("N"));
    private ProcessLambdaInvoker invoker = null!;
    private LambdaSandbox sandbox = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(hostFolder);
        // Set in this (the host's) process; a sandboxed function must not see it.
        Environment.SetEnvironmentVariable(HostOnlyVariable, "host");
        var configured = new Dictionary<string, string> { ["EVENTS_TABLE"] = "rc-Events", ["AWS_REGION"] = "ignored-reserved" };
        sandbox = LambdaSandbox.Create(
            BuildOutput.Of("RealtimeCalendar.LambdaSandboxProbe", "lambda-sandbox-probe"), _ => configured, Region, [], NullLogger.Instance);
        invoker = new ProcessLambdaInvoker(sandbox, Region, processesPerFunction: 1, TimeSpan.FromSeconds(60), NullLoggerFactory.Instance);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_function_cannot_write_its_code_or_working_directory_and_can_write_its_private_tmp()
    {
        var report = await InvokeAsync(FunctionNames.CalendarApi);
        var writes = report["writes"]!;

        Assert.StartsWith("refused", (string?)writes["code"], StringComparison.Ordinal);
        Assert.StartsWith("refused", (string?)writes["workingDirectory"], StringComparison.Ordinal);
        Assert.Equal("written", (string?)writes["tmp"]);
        Assert.Equal(sandbox.TaskRoot, (string?)report["workingDirectory"]);
        Assert.StartsWith(sandbox.RuntimeDirectory, (string?)report["codeDirectory"], StringComparison.Ordinal);
        Assert.NotEqual(Path.GetTempPath(), (string?)report["tmp"]);
        if (Environment.IsPrivilegedProcess)
        {
            // Under root the function runs as Lambda's unprivileged user, so the host's own folders are closed to it too.
            Assert.Equal(LambdaSandbox.SandboxUserId.ToString(CultureInfo.InvariantCulture), (string?)report["userId"]);
            Assert.StartsWith("refused", (string?)writes[hostFolder], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_function_sees_lambdas_variables_and_its_configuration_and_nothing_of_the_host()
    {
        var environment = (await InvokeAsync(FunctionNames.CalendarApi))["environment"]!.AsObject();

        Assert.Null(environment[HostOnlyVariable]);
        Assert.Null(environment["HOME"]);
        // Not defined for OS-only runtimes (the provided family), so not here either.
        Assert.Null(environment["AWS_EXECUTION_ENV"]);
        Assert.Equal("rc-Events", (string?)environment["EVENTS_TABLE"]);
        Assert.Equal(":UTC", (string?)environment["TZ"]);
        Assert.Equal(sandbox.ZoneInfoDirectory, (string?)environment["TZDIR"]);
        Assert.Empty(Directory.GetFileSystemEntries(sandbox.ZoneInfoDirectory));
        Assert.Equal(Region, (string?)environment["AWS_REGION"]);
        Assert.Equal(Region, (string?)environment["AWS_DEFAULT_REGION"]);
        Assert.Equal(FunctionNames.CalendarApi, (string?)environment["AWS_LAMBDA_FUNCTION_NAME"]);
        Assert.Equal(FunctionNames.CalendarApi, (string?)environment["_HANDLER"]);
        Assert.Equal("256", (string?)environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"]);
        Assert.Equal("$LATEST", (string?)environment["AWS_LAMBDA_FUNCTION_VERSION"]);
        Assert.Equal("on-demand", (string?)environment["AWS_LAMBDA_INITIALIZATION_TYPE"]);
        Assert.Equal("/aws/lambda/calendar-api", (string?)environment["AWS_LAMBDA_LOG_GROUP_NAME"]);
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/\[\$LATEST\][0-9a-f]{32}$", (string?)environment["AWS_LAMBDA_LOG_STREAM_NAME"]);
        Assert.Equal(sandbox.TaskRoot, (string?)environment["LAMBDA_TASK_ROOT"]);
        Assert.Equal(sandbox.RuntimeDirectory, (string?)environment["LAMBDA_RUNTIME_DIR"]);
        Assert.NotNull(environment["AWS_LAMBDA_RUNTIME_API"]);
    }

    [Fact]
    public async Task The_host_zone_database_is_gone_and_the_products_zones_still_work()
    {
        var report = await InvokeAsync(FunctionNames.CalendarApi);

        Assert.Equal("not found", (string?)report["hostZone"]);
        Assert.Equal("Europe/Berlin", (string?)report["productZone"]);
    }

    [Theory]
    [InlineData(FunctionNames.CalendarApi)]
    [InlineData(FunctionNames.WsDefault)]
    public async Task The_heap_is_capped_by_the_functions_configured_memory(string function)
    {
        var report = await InvokeAsync(function);

        var memoryBytes = FunctionMemory.MegabytesFor(function) * 1024L * 1024L;
        Assert.Equal((long)(memoryBytes * LambdaSandbox.HeapShareOfMemory), (long)report["heapLimitBytes"]!);
    }

    public async Task DisposeAsync()
    {
        Environment.SetEnvironmentVariable(HostOnlyVariable, null);
        if (invoker is not null)
            await invoker.DisposeAsync();
        Directory.Delete(hostFolder, recursive: true);
    }

    private async Task<JsonObject> InvokeAsync(string function)
    {
        var payload = new JsonObject { ["write"] = new JsonArray(hostFolder) };
        var answer = await invoker.InvokeAsync(function, Encoding.UTF8.GetBytes(payload.ToJsonString()), CancellationToken.None);
        return JsonNode.Parse(answer)!.AsObject();
    }
}
