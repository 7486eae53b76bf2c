using System.Globalization;
using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Calendar;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Functions.Http;
using RealtimeCalendar.Lambda.Contracts.HttpApi;
using RealtimeCalendar.Functions.Routing;

namespace RealtimeCalendar.Functions.CalendarApi;

/// <summary>
/// <c>calendar-api</c>: the events routes of the HTTP API. Parses the request, calls
/// <see cref="CalendarService"/>, and shapes the response; no calendar logic lives here.
/// </summary>
public sealed class CalendarApiFunction(CalendarService calendar, RequestLimit requestLimit, ILogger<CalendarApiFunction> logger)
    : SignedInHttpFunction(FunctionNames.CalendarApi, requestLimit, logger)
{
    protected override async Task<APIGatewayHttpApiV2ProxyResponse> HandleAsync(
        APIGatewayHttpApiV2ProxyRequest request, HttpRoute route, string userId, CancellationToken cancellationToken)
    {
        var id = request.PathParameters?.GetValueOrDefault("id");
        return route == HttpRoutes.ListEvents ? await ListAsync(request, userId, cancellationToken)
            : route == HttpRoutes.CreateEvent ? await CreateAsync(request, userId, cancellationToken)
            : route == HttpRoutes.GetEvent ? await GetAsync(userId, id, cancellationToken)
            : route == HttpRoutes.ReplaceEvent ? await ReplaceAsync(request, userId, id, cancellationToken)
            : route == HttpRoutes.DeleteEvent ? await DeleteAsync(request, userId, id, cancellationToken)
            : NoSuchRoute(request);
    }

    private async Task<APIGatewayHttpApiV2ProxyResponse> ListAsync(APIGatewayHttpApiV2ProxyRequest request, string userId, CancellationToken cancellationToken)
    {
        var query = request.QueryStringParameters;
        var fromText = query?.GetValueOrDefault("from");
        var toText = query?.GetValueOrDefault("to");
        var from = EventDraftReader.ParseInstant(fromText);
        var to = EventDraftReader.ParseInstant(toText);

        var maxResultsText = query?.GetValueOrDefault("maxResults");
        int? maxResults = int.TryParse(maxResultsText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

        var errors = new List<ProblemField>();
        if (maxResultsText is not null && maxResults is null)
            errors.Add(new("maxResults", $"Must be a whole number from 1; at most {EventPaging.MaxResultsCeiling} are returned per page."));
        if (fromText is not null && from is null)
            errors.Add(new("from", "Must be an ISO-8601 instant with an offset, such as '2026-11-01T00:00:00Z'."));
        if (toText is not null && to is null)
            errors.Add(new("to", "Must be an ISO-8601 instant with an offset, such as '2026-12-01T00:00:00Z'."));
        if (errors.Count == 0 && TimeRange.Check(from, to) is { } rangeError)
            errors.Add(new(rangeError.Field, rangeError.Message));
        if (errors.Count > 0)
            return HttpResponses.Validation(errors);

        var outcome = await calendar.ListAsync(
            userId, new TimeRange(from!.Value, to!.Value), maxResults, query?.GetValueOrDefault("pageToken"), cancellationToken);
        return outcome is CalendarOutcome.Listed { Page: var page }
            ? HttpResponses.Json(200, new EventList([.. page.Events.Select(EventResource.From)], page.NextPageToken, page.Truncated ? true : null), FunctionsJsonContext.Wire.EventList)
            : FromFailure(outcome);
    }

    private async Task<APIGatewayHttpApiV2ProxyResponse> GetAsync(string userId, string? id, CancellationToken cancellationToken)
    {
        var found = id is null ? null : await calendar.GetAsync(userId, id, cancellationToken);
        return found is null ? NotFound() : Resource(200, found);
    }

    private async Task<APIGatewayHttpApiV2ProxyResponse> CreateAsync(APIGatewayHttpApiV2ProxyRequest request, string userId, CancellationToken cancellationToken)
    {
        if (JsonRequestBody.CheckContentType(request) is { } unsupported)
            return unsupported;
        var read = EventDraftReader.Read(request.Body, request.IsBase64Encoded);
        if (read.Problem is not null)
            return HttpResponses.Problem(read.Problem);

        var outcome = await calendar.CreateAsync(userId, read.Draft!, CalendarService.SourceApi, cancellationToken);
        return outcome is CalendarOutcome.Stored stored
            ? Resource(201, stored.Event, location: $"/api/events/{stored.Event.EventId}")
            : FromFailure(outcome);
    }

    private async Task<APIGatewayHttpApiV2ProxyResponse> ReplaceAsync(
        APIGatewayHttpApiV2ProxyRequest request, string userId, string? id, CancellationToken cancellationToken)
    {
        if (id is null || !EventIds.IsWellFormedOrInstance(id))
            return NotFound();
        if (!TryReadScope(request, out var scope))
            return ScopeProblem();
        if (JsonRequestBody.CheckContentType(request) is { } unsupported)
            return unsupported;
        if (ReadIfMatch(request) is not { } expected)
            return PreconditionRequired(request);

        var read = EventDraftReader.Read(request.Body, request.IsBase64Encoded);
        if (read.Problem is not null)
            return HttpResponses.Problem(read.Problem);

        var outcome = await calendar.ReplaceAsync(userId, id, scope, expected, read.Draft!, CalendarService.SourceApi, cancellationToken);
        // A split answers with the new series it made, and says where it lives.
        return outcome is CalendarOutcome.Stored stored
            ? Resource(200, stored.Event, location: stored.Event.EventId == id || stored.Event.RecurringEventId is not null ? null : $"/api/events/{stored.Event.EventId}")
            : FromFailure(outcome);
    }

    private async Task<APIGatewayHttpApiV2ProxyResponse> DeleteAsync(
        APIGatewayHttpApiV2ProxyRequest request, string userId, string? id, CancellationToken cancellationToken)
    {
        if (id is null || !EventIds.IsWellFormedOrInstance(id))
            return NotFound();
        if (!TryReadScope(request, out var scope))
            return ScopeProblem();
        if (ReadIfMatch(request) is not { } expected)
            return PreconditionRequired(request);

        var outcome = await calendar.DeleteAsync(userId, id, scope, expected, CalendarService.SourceApi, cancellationToken);
        return outcome is CalendarOutcome.Deleted ? HttpResponses.Empty(204) : FromFailure(outcome);
    }

    // ?scope=this|following|all (Google Calendar's three choices for one occurrence of a series); absent means the id's default.
    private static bool TryReadScope(APIGatewayHttpApiV2ProxyRequest request, out EditScope? scope)
    {
        var text = request.QueryStringParameters?.GetValueOrDefault("scope");
        scope = text switch
        {
            "this" => EditScope.This,
            "following" => EditScope.Following,
            "all" => EditScope.All,
            _ => null,
        };
        return text is null || scope is not null;
    }

    private static APIGatewayHttpApiV2ProxyResponse ScopeProblem() =>
        HttpResponses.Validation([new ProblemField("scope", "Must be this, following or all.")]);

    private static long? ReadIfMatch(APIGatewayHttpApiV2ProxyRequest request) =>
        EntityTags.ParseIfMatch(RequestHeaders.Get(request, "if-match"));

    private static APIGatewayHttpApiV2ProxyResponse PreconditionRequired(APIGatewayHttpApiV2ProxyRequest request) =>
        RequestHeaders.Get(request, "if-match") is null
            ? HttpResponses.Problem(428, ProblemTypes.PreconditionRequired, "If-Match is required.",
                "Send the event's ETag in If-Match so a change made elsewhere is never overwritten.")
            : HttpResponses.Problem(400, ProblemTypes.Validation, "If-Match is not a valid ETag.",
                "Send the ETag exactly as received, for example \"3\".");

    private static APIGatewayHttpApiV2ProxyResponse Resource(int status, CalendarEvent calendarEvent, string? location = null)
    {
        var headers = new Dictionary<string, string> { ["etag"] = EntityTags.Format(calendarEvent.Version) };
        if (location is not null)
            headers["location"] = location;
        return HttpResponses.Json(status, EventResource.From(calendarEvent), FunctionsJsonContext.Wire.EventResource, headers);
    }

    private static APIGatewayHttpApiV2ProxyResponse NotFound() =>
        HttpResponses.Problem(404, ProblemTypes.NotFound, "Event not found.", "No event with this id exists in your calendar.");

    private static APIGatewayHttpApiV2ProxyResponse FromFailure(CalendarOutcome outcome) => outcome switch
    {
        CalendarOutcome.Invalid invalid => HttpResponses.Validation(invalid.Errors.Select(e => new ProblemField(e.Field, e.Message))),
        CalendarOutcome.NotFound => NotFound(),
        CalendarOutcome.VersionConflict conflict => HttpResponses.Problem(
            new ProblemDetails(ProblemTypes.PreconditionFailed, "The event was changed elsewhere.", 412,
                $"Your version is stale; the current version is {conflict.CurrentVersion}. Reload the event and try again."),
            new() { ["etag"] = EntityTags.Format(conflict.CurrentVersion) }),
        CalendarOutcome.LimitReached limit => HttpResponses.Problem(409, ProblemTypes.LimitReached, "A limit was reached.", limit.Detail),
        CalendarOutcome.ReadOnly readOnly => HttpResponses.Problem(409, ProblemTypes.ReadOnlyEvent, "The event is read-only.", readOnly.Detail),
        _ => throw new InvalidOperationException($"Unexpected outcome {outcome.GetType().Name}."),
    };
}
