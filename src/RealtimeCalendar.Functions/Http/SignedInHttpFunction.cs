using Microsoft.Extensions.Logging;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.HttpApi;
using RealtimeCalendar.Lambda.Hosting;

namespace RealtimeCalendar.Functions.Http;

/// <summary>
/// An HTTP API function whose routes all need a signed-in user: answers 401 when the authorizer passed no user, 429
/// with Retry-After when the user is past the request limit, and turns an unexpected failure into a 500 problem that
/// names only the request id (details go to the log).
/// </summary>
public abstract class SignedInHttpFunction(string functionName, RequestLimit requestLimit, ILogger logger)
    : JsonLambdaFunction<APIGatewayHttpApiV2ProxyRequest, APIGatewayHttpApiV2ProxyResponse>(
        LambdaContractsJsonContext.Default.APIGatewayHttpApiV2ProxyRequest,
        LambdaContractsJsonContext.Default.APIGatewayHttpApiV2ProxyResponse)
{
    protected sealed override async Task<APIGatewayHttpApiV2ProxyResponse> HandleAsync(
        APIGatewayHttpApiV2ProxyRequest request, LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        if (RequestIdentity.UserId(request) is not { } userId)
            return HttpResponses.Problem(401, ProblemTypes.Unauthorized, "Sign-in required.", "The request carries no verified user.");

        try
        {
            var allowance = await requestLimit.ConsumeAsync(userId, cancellationToken);
            if (!allowance.Allowed)
            {
                logger.LogWarning("{UserId} is past {Limit} requests per {Window}", userId, requestLimit.Rule.Limit, requestLimit.Rule.Window);
                return HttpResponses.TooManyRequests(
                    $"At most {requestLimit.Rule.Limit} requests per minute are accepted from one user.", allowance.RetryAfter);
            }

            // Dispatch on the declared route, so a handler can only serve routes HttpRoutes gives its function.
            return HttpRoutes.Find(request.RouteKey) is { } route && route.Function == functionName
                ? await HandleAsync(request, route, userId, cancellationToken)
                : NoSuchRoute(request);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "{Function} failed on {RouteKey} for {UserId} in {RequestId}", functionName, request.RouteKey, userId, invocation.RequestId);
            return HttpResponses.Problem(500, ProblemTypes.Internal, "Something went wrong on our side.", $"Request id: {invocation.RequestId}");
        }
    }

    /// <summary>Serves one request of <paramref name="userId"/>, the <c>sub</c> the authorizer verified, on one of this function's <see cref="HttpRoutes"/>.</summary>
    protected abstract Task<APIGatewayHttpApiV2ProxyResponse> HandleAsync(
        APIGatewayHttpApiV2ProxyRequest request, HttpRoute route, string userId, CancellationToken cancellationToken);

    protected static APIGatewayHttpApiV2ProxyResponse NoSuchRoute(APIGatewayHttpApiV2ProxyRequest request) =>
        HttpResponses.Problem(404, ProblemTypes.NotFound, "No such route.", $"'{request.RouteKey}' is not a route of this function.");
}
