using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Functions.Http;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.HttpApi;
using RealtimeCalendar.Lambda.Hosting;

namespace RealtimeCalendar.Functions.GoogleSync;

/// <summary>
/// <c>google-sync</c>: connect (consent URL with state and PKCE), callback (no sign-in: the state names the user),
/// sync now, webhook (no sign-in: the channel token is checked), disconnect and status. Without configuration every
/// route answers 503 with what to set.
/// </summary>
public sealed class GoogleSyncFunction(
    string? unavailableReason,
    Func<CancellationToken, Task<GoogleSyncComponents>> components,
    ILogger<GoogleSyncFunction> logger)
    : JsonLambdaFunction<APIGatewayHttpApiV2ProxyRequest, APIGatewayHttpApiV2ProxyResponse>(
        LambdaContractsJsonContext.Default.APIGatewayHttpApiV2ProxyRequest,
        LambdaContractsJsonContext.Default.APIGatewayHttpApiV2ProxyResponse)
{
    protected override async Task<APIGatewayHttpApiV2ProxyResponse> HandleAsync(
        APIGatewayHttpApiV2ProxyRequest request, LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        if (unavailableReason is not null)
            return HttpResponses.Problem(503, ProblemTypes.GoogleNotConfigured, "Google sync is not set up.", unavailableReason);

        try
        {
            var google = await components(cancellationToken);
            var route = HttpRoutes.Find(request.RouteKey);
            if (route == HttpRoutes.GoogleWebhook)
                return await WebhookAsync(google, request, cancellationToken);
            if (route == HttpRoutes.GoogleCallback)
                return await CallbackAsync(google, request, cancellationToken);

            if (RequestIdentity.UserId(request) is not { } userId)
                return HttpResponses.Problem(401, ProblemTypes.Unauthorized, "Sign-in required.", "The request carries no verified user.");

            if (route == HttpRoutes.GoogleStatus)
            {
                var state = await google.Sync.GetStateAsync(userId, cancellationToken);
                return HttpResponses.Json(
                    200,
                    new GoogleStatus(state is not null, state?.ConnectedAt, state?.LastSyncAt, state?.LastSyncError, state?.Channel is not null),
                    FunctionsJsonContext.Wire.GoogleStatus);
            }

            if (route == HttpRoutes.GoogleConnect)
            {
                var url = await google.Connect.BeginAsync(userId, google.RedirectUri, cancellationToken);
                return HttpResponses.Json(200, new GoogleAuthorizationStart(url), FunctionsJsonContext.Wire.GoogleAuthorizationStart);
            }

            if (route == HttpRoutes.GoogleSync)
            {
                var result = await google.Sync.PullAsync(userId, cancellationToken);
                return result.Connected
                    ? HttpResponses.Json(200, result, FunctionsJsonContext.Wire.GoogleSyncResult)
                    : HttpResponses.Problem(409, ProblemTypes.GoogleNotConnected, "No Google account is connected.", $"Connect one first: {HttpRoutes.GoogleConnect.RouteKey}.");
            }

            if (route == HttpRoutes.GoogleDisconnect)
            {
                await google.Sync.DisconnectAsync(userId, cancellationToken);
                return HttpResponses.Empty(204);
            }

            return HttpResponses.Problem(404, ProblemTypes.NotFound, "No such route.", $"'{request.RouteKey}' is not a route of this function.");
        }
        catch (GoogleCalendarException e)
        {
            logger.LogWarning("Google answered {Status} on {RouteKey} in {RequestId}", e.Status, request.RouteKey, invocation.RequestId);
            return e.Status == 401
                ? HttpResponses.Problem(409, ProblemTypes.GoogleNotConnected, "Google no longer accepts this connection.", "Disconnect and connect again.")
                : HttpResponses.Problem(502, ProblemTypes.GoogleUnavailable, "Google did not answer as expected.", $"Google answered {e.Status}; try again later.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "{Function} failed on {RouteKey} in {RequestId}", FunctionNames.GoogleSync, request.RouteKey, invocation.RequestId);
            return HttpResponses.Problem(500, ProblemTypes.Internal, "Something went wrong on our side.", $"Request id: {invocation.RequestId}");
        }
    }

    private static async Task<APIGatewayHttpApiV2ProxyResponse> WebhookAsync(
        GoogleSyncComponents google, APIGatewayHttpApiV2ProxyRequest request, CancellationToken cancellationToken)
    {
        // API Gateway lower-cases header names in HTTP API payload format 2.0.
        string? Header(string name) => request.Headers?.GetValueOrDefault(name);
        var outcome = await google.Sync.HandleNotificationAsync(
            Header("x-goog-channel-id"), Header("x-goog-channel-token"), Header("x-goog-resource-state"), cancellationToken);
        return outcome == GoogleNotificationOutcome.Rejected
            ? HttpResponses.Problem(401, ProblemTypes.Unauthorized, "Unknown channel or wrong channel token.")
            : HttpResponses.Empty(204);
    }

    private static async Task<APIGatewayHttpApiV2ProxyResponse> CallbackAsync(
        GoogleSyncComponents google, APIGatewayHttpApiV2ProxyRequest request, CancellationToken cancellationToken)
    {
        string? Query(string name) => request.QueryStringParameters?.GetValueOrDefault(name);
        var outcome = await google.Connect.CompleteAsync(Query("state"), Query("code"), Query("error"), google.RedirectUri, cancellationToken);
        var flag = outcome switch
        {
            GoogleConnectOutcome.Connected => "connected",
            GoogleConnectOutcome.Declined => "declined",
            GoogleConnectOutcome.InvalidState => "expired",
            _ => "failed",
        };
        // Back to the app, which reads the flag; a relative Location keeps this right behind any domain.
        return new APIGatewayHttpApiV2ProxyResponse
        {
            StatusCode = 302,
            Headers = new() { ["location"] = "/?google=" + flag, ["cache-control"] = "no-store" },
        };
    }
}
