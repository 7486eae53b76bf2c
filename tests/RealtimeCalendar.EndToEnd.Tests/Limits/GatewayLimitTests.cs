using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.HttpApi;
using RealtimeCalendar.Lambda.Quotas;
using RealtimeCalendar.Local.HttpApi;
using RealtimeCalendar.Local.Lambda;

namespace RealtimeCalendar.EndToEnd.Tests.Limits;

/// <summary>
/// The local HTTP API refuses what Lambda and API Gateway refuse, with their status codes and bodies. Functions that
/// break the limits on purpose stand in for the product's, which page their answers and never do.
/// </summary>
public sealed class GatewayLimitTests
{
    [Fact]
    public async Task A_function_answer_over_6_MB_fails_the_invocation_and_the_client_gets_API_Gateways_500()
    {
        // A proxy response whose body alone is 6.5 MB: Lambda fails the invocation (Function.ResponseSizeTooLarge).
        var oversized = Answer(new string('x', 6_500_000));
        var function = new AnsweringFunction(oversized);
        var limit = new SynchronousPayloadLimit(function, NullLogger<SynchronousPayloadLimit>.Instance);

        var failure = await Assert.ThrowsAsync<LambdaFunctionException>(() => limit.InvokeAsync(FunctionNames.CalendarApi, "{}"u8.ToArray(), default));
        Assert.Equal(LambdaQuotas.ResponseSizeTooLarge, failure.ErrorType);

        var (status, body) = await SendAsync(limit, "GET", "/api/events");
        Assert.Equal((500, """{"message":"Internal Server Error"}"""), (status, body));
    }

    [Fact]
    public async Task A_function_answer_just_under_6_MB_is_delivered()
    {
        var payload = Answer(new string('x', LambdaQuotas.SynchronousPayloadBytes - 200));
        Assert.True(payload.Length <= LambdaQuotas.SynchronousPayloadBytes);
        var limit = new SynchronousPayloadLimit(new AnsweringFunction(payload), NullLogger<SynchronousPayloadLimit>.Instance);

        var (status, _) = await SendAsync(limit, "GET", "/api/events");

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task A_request_whose_event_is_over_6_MB_never_reaches_the_function_and_gets_500()
    {
        var function = new AnsweringFunction(Answer("{}"));
        var limit = new SynchronousPayloadLimit(function, NullLogger<SynchronousPayloadLimit>.Instance);

        var (status, body) = await SendAsync(limit, "POST", "/api/events", Encoding.UTF8.GetBytes(new string('y', 7_000_000)));

        Assert.Equal((500, """{"message":"Internal Server Error"}"""), (status, body));
        Assert.Equal(0, function.Calls);
    }

    [Fact]
    public async Task A_request_body_over_10_MB_is_refused_with_413_before_any_function_runs()
    {
        var function = new AnsweringFunction(Answer("{}"));

        var (status, body) = await SendAsync(function, "POST", "/api/events", new byte[ApiGatewayQuotas.HttpApiPayloadBytes + 1]);

        Assert.Equal((413, """{"message":"Request Entity Too Large"}"""), (status, body));
        Assert.Equal(0, function.Calls);
    }

    [Fact]
    public async Task A_function_that_outlasts_the_integration_timeout_gets_503_Service_Unavailable()
    {
        var hanging = new HangingFunction();

        var (status, body) = await SendAsync(hanging, "GET", "/api/events", integrationTimeout: TimeSpan.FromMilliseconds(300));

        Assert.Equal((503, """{"message":"Service Unavailable"}"""), (status, body));
    }

    [Fact]
    public async Task A_function_that_times_out_itself_within_the_integration_timeout_gets_500()
    {
        var timedOut = new FailingFunction(new TimeoutException("Task timed out after 29.00 seconds"));

        var (status, body) = await SendAsync(timedOut, "GET", "/api/events");

        Assert.Equal((500, """{"message":"Internal Server Error"}"""), (status, body));
    }

    private static byte[] Answer(string body) => JsonSerializer.SerializeToUtf8Bytes(
        new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200, Body = body },
        LambdaContractsJsonContext.Default.APIGatewayHttpApiV2ProxyResponse);

    private static async Task<(int Status, string Body)> SendAsync(
        ILambdaInvoker lambda, string method, string path, byte[]? body = null, TimeSpan? integrationTimeout = null)
    {
        var emulator = new HttpApiEmulator(
            new RouteTable(HttpRoutes.All), new SignedInAuthorizer(), lambda, TimeProvider.System, NullLogger<HttpApiEmulator>.Instance, integrationTimeout);
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.Body = new MemoryStream(body ?? []);
        context.Request.ContentLength = body?.Length ?? 0;
        using var response = new MemoryStream();
        context.Response.Body = response;

        await emulator.HandleAsync(context);

        return (context.Response.StatusCode, Encoding.UTF8.GetString(response.ToArray()));
    }

    private sealed class SignedInAuthorizer : IHttpApiAuthorizer
    {
        public Task<HttpApiAuthorization> AuthorizeAsync(HttpRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(HttpApiAuthorization.Allow(new Dictionary<string, string> { ["sub"] = "user-1" }));
    }

    private sealed class AnsweringFunction(byte[] answer) : ILambdaInvoker
    {
        public int Calls { get; private set; }

        public Task<byte[]> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(answer);
        }
    }

    private sealed class HangingFunction : ILambdaInvoker
    {
        public async Task<byte[]> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return [];
        }
    }

    private sealed class FailingFunction(Exception failure) : ILambdaInvoker
    {
        public Task<byte[]> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken) => Task.FromException<byte[]>(failure);
    }
}
