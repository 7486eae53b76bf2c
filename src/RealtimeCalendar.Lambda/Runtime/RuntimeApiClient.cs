// Stands in for Amazon.Lambda.RuntimeSupport's RuntimeApiClient (why our own: src/decisions/0001-own-small-clients.md); speaks the Runtime API 2018-06-01 over HTTP.
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using RealtimeCalendar.Lambda.Hosting;

namespace RealtimeCalendar.Lambda.Runtime;

/// <summary>The Lambda Runtime API at <c>http://{AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/</c>.</summary>
public sealed class RuntimeApiClient : IRuntimeApiClient, IDisposable
{
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";

    private const string RequestIdHeader = "Lambda-Runtime-Aws-Request-Id";
    private const string DeadlineHeader = "Lambda-Runtime-Deadline-Ms";
    private const string FunctionArnHeader = "Lambda-Runtime-Invoked-Function-Arn";
    private const string TraceIdHeader = "Lambda-Runtime-Trace-Id";
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";
    private const string UnhandledErrorType = "Unhandled";

    private readonly HttpClient http;

    /// <param name="runtimeApiAddress">The <c>host:port</c> Lambda puts in <c>AWS_LAMBDA_RUNTIME_API</c>.</param>
    public RuntimeApiClient(string runtimeApiAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeApiAddress);
        http = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = new Uri($"http://{runtimeApiAddress}/2018-06-01/runtime/"),
            // invocation/next blocks until an event arrives, which can be any time later: only cancellation ends it.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public static RuntimeApiClient FromEnvironment() =>
        new(Environment.GetEnvironmentVariable(RuntimeApiVariable)
            ?? throw new InvalidOperationException($"{RuntimeApiVariable} is not set: this process is not running inside Lambda."));

    public async Task<InvocationRequest> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri("invocation/next", UriKind.Relative), cancellationToken);
        response.EnsureSuccessStatusCode();
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken);

        var requestId = Header(response.Headers, RequestIdHeader)
            ?? throw new InvalidOperationException($"The Runtime API answered invocation/next without {RequestIdHeader}.");
        var deadlineText = Header(response.Headers, DeadlineHeader);
        if (!long.TryParse(deadlineText, NumberStyles.None, CultureInfo.InvariantCulture, out var deadlineMs))
            throw new InvalidOperationException($"The Runtime API answered invocation/next without a valid {DeadlineHeader}.");

        var invocation = new LambdaInvocation(
            requestId,
            DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs),
            Header(response.Headers, FunctionArnHeader),
            Header(response.Headers, TraceIdHeader));
        return new InvocationRequest(invocation, payload);
    }

    public async Task SendResponseAsync(string requestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(response);
        using var answer = await http.PostAsync(InvocationUri(requestId, "response"), content, cancellationToken);
        answer.EnsureSuccessStatusCode();
    }

    public Task ReportInvocationErrorAsync(string requestId, RuntimeErrorReport error, CancellationToken cancellationToken) =>
        PostErrorAsync(InvocationUri(requestId, "error"), error, cancellationToken);

    public Task ReportInitializationErrorAsync(RuntimeErrorReport error, CancellationToken cancellationToken) =>
        PostErrorAsync(new Uri("init/error", UriKind.Relative), error, cancellationToken);

    public void Dispose() => http.Dispose();

    private async Task PostErrorAsync(Uri uri, RuntimeErrorReport error, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(error, RuntimeApiJsonContext.Default.RuntimeErrorReport));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        request.Headers.TryAddWithoutValidation(ErrorTypeHeader, UnhandledErrorType);
        using var answer = await http.SendAsync(request, cancellationToken);
        answer.EnsureSuccessStatusCode();
    }

    private static Uri InvocationUri(string requestId, string action) =>
        new($"invocation/{Uri.EscapeDataString(requestId)}/{action}", UriKind.Relative);

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
