using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Push;
using RealtimeCalendar.Functions.Http;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Lambda.Contracts.HttpApi;

namespace RealtimeCalendar.Functions.Push;

/// <summary>
/// <c>push-subscriptions</c>: <c>POST /api/push/subscriptions</c> stores the signed-in user's browser subscription (201 new,
/// 200 when the endpoint was already theirs; 400 naming each bad field, 409 past the per-user cap, 503 while no VAPID key
/// is configured), <c>DELETE /api/push/subscriptions</c> removes one by endpoint (204, also when there was none).
/// </summary>
/// <param name="configured">Whether this deployment has a VAPID key pair; without one no browser could be sent anything.</param>
public sealed class PushSubscriptionsFunction(PushSubscriptions subscriptions, bool configured, RequestLimit requestLimit, ILogger<PushSubscriptionsFunction> logger)
    : SignedInHttpFunction(FunctionNames.PushSubscriptions, requestLimit, logger)
{
    protected override async Task<APIGatewayHttpApiV2ProxyResponse> HandleAsync(
        APIGatewayHttpApiV2ProxyRequest request, HttpRoute route, string userId, CancellationToken cancellationToken)
    {
        if (route != HttpRoutes.SavePushSubscription && route != HttpRoutes.DeletePushSubscription)
            return NoSuchRoute(request);
        if (JsonRequestBody.CheckContentType(request) is { } unsupported)
            return unsupported;
        return route == HttpRoutes.SavePushSubscription
            ? await SubscribeAsync(request, userId, cancellationToken)
            : await UnsubscribeAsync(request, userId, cancellationToken);
    }

    private async Task<APIGatewayHttpApiV2ProxyResponse> SubscribeAsync(APIGatewayHttpApiV2ProxyRequest request, string userId, CancellationToken cancellationToken)
    {
        if (!configured)
        {
            return HttpResponses.Problem(503, ProblemTypes.WebPushUnavailable, "Web Push is not configured.",
                "This deployment has no VAPID key pair; deploy/README.md, 'Web Push keys', shows how to add one.");
        }

        var (body, problem) = PushSubscriptionReader.ReadSubscription(request.Body, request.IsBase64Encoded);
        if (body is null)
            return HttpResponses.Problem(problem!);

        var outcome = await subscriptions.SubscribeAsync(userId, body.Endpoint, body.P256dh, body.Auth, body.ExpirationTime, cancellationToken);
        if (outcome.Errors.Count > 0)
            return HttpResponses.Validation(outcome.Errors.Select(e => new ProblemField(e.Field, e.Message)));
        if (outcome.Saved == PushSubscriptionSave.LimitReached)
        {
            return HttpResponses.Problem(409, ProblemTypes.LimitReached, "Too many push subscriptions.",
                $"At most {subscriptions.MaxPerUser} browsers per user receive reminders; turn reminders off in one you no longer use.");
        }

        return HttpResponses.Json(
            outcome.Saved == PushSubscriptionSave.Created ? 201 : 200,
            PushSubscriptionResource.From(outcome.Subscription!),
            FunctionsJsonContext.Wire.PushSubscriptionResource);
    }

    private async Task<APIGatewayHttpApiV2ProxyResponse> UnsubscribeAsync(APIGatewayHttpApiV2ProxyRequest request, string userId, CancellationToken cancellationToken)
    {
        var (endpoint, problem) = PushSubscriptionReader.ReadEndpoint(request.Body, request.IsBase64Encoded);
        if (endpoint is null)
            return HttpResponses.Problem(problem!);

        var errors = await subscriptions.UnsubscribeAsync(userId, endpoint, cancellationToken);
        return errors.Count > 0 ? HttpResponses.Validation(errors.Select(e => new ProblemField(e.Field, e.Message))) : HttpResponses.Empty(204);
    }
}
