using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.Functions.Http;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Lambda.Contracts.HttpApi;

namespace RealtimeCalendar.Functions.Reminders;

/// <summary>
/// <c>reminders-api</c>: a user's default reminders (<c>GET/PUT /api/settings/reminders</c>) and dismiss and snooze
/// (<c>POST /api/reminders/{reminderId}/dismiss|snooze</c>), whose effect is pushed to every socket of the user.
/// Parses, calls Core, shapes the answer.
/// </summary>
public sealed class RemindersApiFunction(
    ReminderSettingsService settings, ReminderActions actions, RequestLimit requestLimit, ILogger<RemindersApiFunction> logger)
    : SignedInHttpFunction(FunctionNames.RemindersApi, requestLimit, logger)
{
    protected override async Task<APIGatewayHttpApiV2ProxyResponse> HandleAsync(
        APIGatewayHttpApiV2ProxyRequest request, HttpRoute route, string userId, CancellationToken cancellationToken)
    {
        var reminderId = request.PathParameters?.GetValueOrDefault("reminderId");
        return route == HttpRoutes.GetReminderSettings ? Settings(await settings.GetAsync(userId, cancellationToken))
            : route == HttpRoutes.PutReminderSettings ? await PutSettingsAsync(request, userId, cancellationToken)
            : route == HttpRoutes.DismissReminder ? await DismissAsync(userId, reminderId, cancellationToken)
            : route == HttpRoutes.SnoozeReminder ? await SnoozeAsync(userId, reminderId, cancellationToken)
            : NoSuchRoute(request);
    }

    private async Task<APIGatewayHttpApiV2ProxyResponse> PutSettingsAsync(APIGatewayHttpApiV2ProxyRequest request, string userId, CancellationToken cancellationToken)
    {
        if (JsonRequestBody.CheckContentType(request) is { } unsupported)
            return unsupported;
        var (read, problem) = ReminderSettingsReader.Read(request.Body, request.IsBase64Encoded);
        if (problem is not null)
            return HttpResponses.Problem(problem);

        var errors = await settings.PutAsync(userId, read!, cancellationToken);
        return errors.Count > 0
            ? HttpResponses.Validation(errors.Select(e => new ProblemField(e.Field, e.Message)))
            : Settings(await settings.GetAsync(userId, cancellationToken));
    }

    private async Task<APIGatewayHttpApiV2ProxyResponse> DismissAsync(string userId, string? reminderId, CancellationToken cancellationToken) =>
        reminderId is not null && await actions.DismissAsync(userId, reminderId, cancellationToken) ? HttpResponses.Empty(204) : NotFound();

    private async Task<APIGatewayHttpApiV2ProxyResponse> SnoozeAsync(string userId, string? reminderId, CancellationToken cancellationToken)
    {
        if (reminderId is null)
            return NotFound();
        var (outcome, until) = await actions.SnoozeAsync(userId, reminderId, cancellationToken);
        return outcome switch
        {
            SnoozeOutcome.Snoozed => HttpResponses.Json(200, new SnoozedReminder(reminderId, until!.Value), FunctionsJsonContext.Wire.SnoozedReminder),
            SnoozeOutcome.Dismissed => HttpResponses.Problem(409, ProblemTypes.ReminderDismissed, "The reminder was dismissed.", "A dismissed reminder is not shown again, so it cannot be snoozed."),
            _ => NotFound(),
        };
    }

    private static APIGatewayHttpApiV2ProxyResponse Settings(ReminderSettings current) =>
        HttpResponses.Json(200, current, FunctionsJsonContext.Wire.ReminderSettings);

    private static APIGatewayHttpApiV2ProxyResponse NotFound() =>
        HttpResponses.Problem(404, ProblemTypes.NotFound, "Reminder not found.", "No reminder with this id has fired in your calendar in the last day.");
}
