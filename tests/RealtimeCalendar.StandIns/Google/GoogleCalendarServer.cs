using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RealtimeCalendar.StandIns.Google;

/// <summary>
/// A real HTTP server on 127.0.0.1 speaking Google Calendar v3 and Google's OAuth token endpoint, as far as sync uses
/// them: paged <c>events.list</c> with sync tokens (410 once expired; cancelled events included), insert with client
/// ids (409 on reuse), patch with If-Match (412) that merges nested objects and deletes fields sent as null, start/end
/// checks (both <c>date</c> and <c>dateTime</c>, neither, or an end before the start: 400), <c>eventType</c> on every
/// event (edits of <c>birthday</c>/<c>fromGmail</c> entries refused with 400), <c>reminders</c> on every event
/// (<c>useDefault: true</c> unless given; overrides checked as Google documents them: at most five, method
/// <c>email</c> or <c>popup</c>, 0 to 40320 minutes, none next to <c>useDefault: true</c>), delete (marks cancelled; 410 when
/// already deleted), recurring events (<c>recurrence</c> checked; an instance id addresses one occurrence, which a patch
/// or update turns into an exception and a delete into a cancelled exception; ids naming no occurrence are 404; a
/// deleted series takes its exceptions with it), watch and channels.stop, Bearer access tokens (401 when revoked), authorization codes checked
/// against their PKCE challenge, and scripted failures (429 with Retry-After). Its "Google side" methods change events
/// as a user in Google Calendar would. What it plays and what not: README.md beside it.
/// </summary>
public sealed class GoogleCalendarServer : IAsyncDisposable
{
    public const string ClientId = "test-client.apps.googleusercontent.com";
    public const string ClientSecret = "test-client-secret";
    public const string CalendarTimeZone = "Europe/Berlin";

    private const string Base32Hex = "0123456789abcdefghijklmnopqrstuv";

    private readonly WebApplication app;
    private readonly TimeProvider time;
    // Monitor, not System.Threading.Lock: Store is re-entered from paths that already hold it.
    private readonly object gate = new();
    private readonly Dictionary<string, JsonObject> events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> sequences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IReadOnlyList<JsonObject> Items, long SyncPoint)> listings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> codeChallenges = new(StringComparer.Ordinal);
    private readonly HashSet<string> refreshTokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WatchChannel> channels = new(StringComparer.Ordinal);
    private readonly Queue<(int Status, string? RetryAfter)> scriptedFailures = new();
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private long sequence;
    private int? revokeTokensAfter;
    private long oldestValidSyncPoint;

    private GoogleCalendarServer(WebApplication app, TimeProvider time)
    {
        this.app = app;
        this.time = time;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public Uri CalendarBaseUri => new(BaseAddress, "/calendar/v3/");

    public Uri TokenEndpoint => new(BaseAddress, "/token");

    public Uri AuthorizationEndpoint => new(BaseAddress, "/o/oauth2/v2/auth");

    public IReadOnlyList<RecordedRequest> Requests => [.. requests];

    public IReadOnlyList<WatchChannel> Channels
    {
        get
        {
            lock (gate)
                return [.. channels.Values];
        }
    }

    public static async Task<GoogleCalendarServer> StartAsync(TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var server = new GoogleCalendarServer(builder.Build(), time);
        server.app.Run(server.AnswerAsync);
        await server.app.StartAsync();
        server.BaseAddress = new Uri(server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return server;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    /// <summary>A refresh token the server accepts, as if the user had connected earlier.</summary>
    public string IssueRefreshToken()
    {
        lock (gate)
        {
            var token = "1//refresh-" + Guid.NewGuid().ToString("N");
            refreshTokens.Add(token);
            return token;
        }
    }

    /// <summary>An authorization code bound to a PKCE challenge, as Google's consent page would send to the callback.</summary>
    public string IssueAuthorizationCode(string codeChallenge)
    {
        lock (gate)
        {
            var code = "4/code-" + Guid.NewGuid().ToString("N");
            codeChallenges[code] = codeChallenge;
            return code;
        }
    }

    /// <summary>After <paramref name="calendarRequests"/> more calendar requests, every access token issued so far stops working (401).</summary>
    public void RevokeAccessTokensAfter(int calendarRequests)
    {
        lock (gate)
            revokeTokensAfter = calendarRequests;
    }

    /// <summary>Every sync token issued so far answers 410 Gone.</summary>
    public void ExpireSyncTokens()
    {
        lock (gate)
            oldestValidSyncPoint = sequence + 1;
    }

    /// <summary>The next <paramref name="count"/> calendar requests fail with <paramref name="status"/>.</summary>
    public void FailNextCalendarRequests(int status, int count, string? retryAfter = null)
    {
        lock (gate)
        {
            for (var i = 0; i < count; i++)
                scriptedFailures.Enqueue((status, retryAfter));
        }
    }

    public JsonObject CreateInGoogle(string summary, DateTimeOffset start, DateTimeOffset end, string? timeZone = CalendarTimeZone) =>
        Store(NewId(), new JsonObject
        {
            ["summary"] = summary,
            ["start"] = new JsonObject { ["dateTime"] = Rfc3339(start), ["timeZone"] = timeZone },
            ["end"] = new JsonObject { ["dateTime"] = Rfc3339(end), ["timeZone"] = timeZone },
        });

    /// <summary>A recurring event as Google Calendar's UI makes it: the first instance's times in <paramref name="timeZone"/>, the lines as given.</summary>
    public JsonObject CreateSeriesInGoogle(string summary, DateTimeOffset start, DateTimeOffset end, IReadOnlyList<string> recurrence, string timeZone = CalendarTimeZone)
    {
        var series = new JsonObject
        {
            ["summary"] = summary,
            ["start"] = new JsonObject { ["dateTime"] = Rfc3339(start), ["timeZone"] = timeZone },
            ["end"] = new JsonObject { ["dateTime"] = Rfc3339(end), ["timeZone"] = timeZone },
            ["recurrence"] = new JsonArray([.. recurrence.Select(l => JsonValue.Create(l))]),
        };
        return Store(NewId(), series);
    }

    /// <summary>An all-day recurring event (dates, end exclusive), as Google Calendar's UI makes it.</summary>
    public JsonObject CreateAllDaySeriesInGoogle(string summary, DateOnly first, DateOnly endExclusive, IReadOnlyList<string> recurrence)
    {
        var series = new JsonObject
        {
            ["summary"] = summary,
            ["start"] = new JsonObject { ["date"] = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            ["end"] = new JsonObject { ["date"] = endExclusive.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            ["recurrence"] = new JsonArray([.. recurrence.Select(l => JsonValue.Create(l))]),
        };
        return Store(NewId(), series);
    }

    /// <summary>Google's id of the instance of <paramref name="seriesId"/> whose original start is <paramref name="originalStart"/>.</summary>
    public string InstanceId(string seriesId, DateTimeOffset originalStart)
    {
        lock (gate)
            return RecurringEvents.InstanceId(seriesId, originalStart, RecurringEvents.IsAllDay(events[seriesId]));
    }

    /// <summary>
    /// "This event" in Google Calendar's UI: the instance becomes an exception (or the exception changes) with
    /// <paramref name="edit"/> applied; it keeps <c>recurringEventId</c> and <c>originalStartTime</c>.
    /// </summary>
    public JsonObject EditInstanceInGoogle(string seriesId, DateTimeOffset originalStart, Action<JsonObject> edit)
    {
        lock (gate)
        {
            var id = InstanceId(seriesId, originalStart);
            var instance = events.TryGetValue(id, out var stored) ? stored : Materialize(id) ?? throw new InvalidOperationException($"{id} is no instance.");
            edit(instance);
            return events.ContainsKey(id) ? Touch(id, instance) : Store(id, instance);
        }
    }

    /// <summary>"This event" moved in Google Calendar's UI: the instance becomes an exception at the new times.</summary>
    public JsonObject MoveInstanceInGoogle(string seriesId, DateTimeOffset originalStart, DateTimeOffset start, DateTimeOffset end) =>
        EditInstanceInGoogle(seriesId, originalStart, instance =>
        {
            instance["start"]!["dateTime"] = Rfc3339(start);
            instance["end"]!["dateTime"] = Rfc3339(end);
        });

    /// <summary>"Delete this event" in Google Calendar's UI: a cancelled exception of the series.</summary>
    public void CancelInstanceInGoogle(string seriesId, DateTimeOffset originalStart)
    {
        lock (gate)
        {
            if (Delete(InstanceId(seriesId, originalStart)).Status != 204)
                throw new InvalidOperationException("No such live instance.");
        }
    }

    public JsonObject CreateAllDayInGoogle(string summary, DateOnly first, DateOnly endExclusive) =>
        Store(NewId(), new JsonObject
        {
            ["summary"] = summary,
            ["start"] = new JsonObject { ["date"] = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            ["end"] = new JsonObject { ["date"] = endExclusive.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        });

    /// <summary>
    /// Stores an event exactly as given (any <c>eventType</c>, text, times, even ones Google's own checks would refuse
    /// from an API client), as events made in Google Calendar's UI, Gmail or by Google itself arrive in listings.
    /// </summary>
    public JsonObject PutInGoogle(JsonObject body) => Store(NewId(), (JsonObject)body.DeepClone());

    /// <summary>Undoes a deletion, as "Restore" in Google Calendar's bin does: same id, status confirmed again.</summary>
    public JsonObject RestoreInGoogle(string id)
    {
        lock (gate)
        {
            var stored = events[id];
            stored["status"] = "confirmed";
            return Touch(id, stored);
        }
    }

    public JsonObject UpdateInGoogle(string id, string summary)
    {
        lock (gate)
        {
            var stored = events[id];
            stored["summary"] = summary;
            return Touch(id, stored);
        }
    }

    public void SetField(string id, string name, JsonNode value)
    {
        lock (gate)
        {
            var stored = events[id];
            stored[name] = value;
            Touch(id, stored);
        }
    }

    /// <summary>Deletes an event in Google Calendar's UI; a series goes with all its exceptions.</summary>
    public void CancelInGoogle(string id)
    {
        lock (gate)
            Cancel(id, events[id]);
    }

    public JsonObject? Find(string id)
    {
        lock (gate)
            return events.TryGetValue(id, out var stored) ? (JsonObject)stored.DeepClone() : null;
    }

    /// <summary>Events that are not cancelled.</summary>
    public IReadOnlyList<JsonObject> LiveEvents()
    {
        lock (gate)
            return [.. events.Values.Where(e => (string?)e["status"] != "cancelled").Select(e => (JsonObject)e.DeepClone())];
    }

    private static string Rfc3339(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture);

    private static string NewId() => string.Concat(RandomNumberGenerator.GetItems<char>(Base32Hex, 26));

    private JsonObject Store(string id, JsonObject body)
    {
        lock (gate)
        {
            body["kind"] = "calendar#event";
            body["id"] = id;
            body["status"] ??= "confirmed";
            body["eventType"] ??= "default";
            // An event created without reminders uses the calendar's defaults, and Google says so in every answer.
            body["reminders"] ??= new JsonObject { ["useDefault"] = true };
            events[id] = body;
            return Touch(id, body);
        }
    }

    private JsonObject Touch(string id, JsonObject stored)
    {
        sequence++;
        sequences[id] = sequence;
        stored["etag"] = $"\"{sequence}{Random.Shared.Next(1000, 9999)}\"";
        stored["updated"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        return (JsonObject)stored.DeepClone();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var answer = request.Path.StartsWithSegments("/token")
            ? AnswerToken(request, body)
            : request.Path.StartsWithSegments("/calendar/v3", out var rest) ? AnswerCalendar(request, rest.Value ?? string.Empty, body) : Error(404, "Not Found", "notFound");

        requests.Enqueue(new RecordedRequest(request.Method, request.Path + request.QueryString, request.Headers.IfMatch.ToString(), body, answer.Status));
        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is not null)
            context.Response.Headers.RetryAfter = answer.RetryAfter;
        if (answer.Json is not null)
        {
            context.Response.ContentType = "application/json; charset=UTF-8";
            await context.Response.WriteAsync(answer.Json, context.RequestAborted);
        }
    }

    private Answer AnswerToken(HttpRequest request, string body)
    {
        var form = QueryStringToDictionary(body);
        if (request.Method != "POST" || form.GetValueOrDefault("client_id") != ClientId || form.GetValueOrDefault("client_secret") != ClientSecret)
            return new Answer(401, """{"error":"invalid_client","error_description":"The OAuth client was not found."}""");

        lock (gate)
        {
            switch (form.GetValueOrDefault("grant_type"))
            {
                case "authorization_code":
                    var code = form.GetValueOrDefault("code") ?? string.Empty;
                    if (!codeChallenges.Remove(code, out var challenge)
                        || form.GetValueOrDefault("code_verifier") is not { } verifier
                        || Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != challenge)
                    {
                        return new Answer(400, """{"error":"invalid_grant","error_description":"Bad Request"}""");
                    }

                    var refreshToken = "1//refresh-" + Guid.NewGuid().ToString("N");
                    refreshTokens.Add(refreshToken);
                    return TokenAnswer(refreshToken);
                case "refresh_token" when refreshTokens.Contains(form.GetValueOrDefault("refresh_token") ?? string.Empty):
                    return TokenAnswer(null);
                default:
                    return new Answer(400, """{"error":"invalid_grant","error_description":"Token has been expired or revoked."}""");
            }
        }
    }

    private Answer TokenAnswer(string? refreshToken)
    {
        var accessToken = "ya29.access-" + Guid.NewGuid().ToString("N");
        accessTokens.Add(accessToken);
        var json = new JsonObject
        {
            ["access_token"] = accessToken,
            ["expires_in"] = 3599,
            ["token_type"] = "Bearer",
            ["scope"] = "https://www.googleapis.com/auth/calendar.events",
        };
        if (refreshToken is not null)
            json["refresh_token"] = refreshToken;
        return new Answer(200, json.ToJsonString());
    }

    private Answer AnswerCalendar(HttpRequest request, string path, string body)
    {
        lock (gate)
        {
            if (scriptedFailures.TryDequeue(out var failure))
                return Error(failure.Status, failure.Status == 429 ? "Rate Limit Exceeded" : "Backend Error", failure.Status == 429 ? "rateLimitExceeded" : "backendError") with { RetryAfter = failure.RetryAfter };

            if (revokeTokensAfter is { } remaining && (revokeTokensAfter = remaining - 1) < 0)
            {
                revokeTokensAfter = null;
                accessTokens.Clear();
            }

            var authorization = request.Headers.Authorization.ToString();
            if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !accessTokens.Contains(authorization["Bearer ".Length..]))
                return Error(401, "Request had invalid authentication credentials.", "authError");

            var segments = path.Trim('/').Split('/');
            return (request.Method, segments) switch
            {
                ("GET", ["calendars", "primary", "events"]) => List(request.Query),
                ("POST", ["calendars", "primary", "events"]) => Insert(body),
                ("POST", ["calendars", "primary", "events", "watch"]) => Watch(body),
                ("PATCH", ["calendars", "primary", "events", var id]) => Patch(id, request.Headers.IfMatch.ToString(), body),
                ("PUT", ["calendars", "primary", "events", var id]) => Update(id, request.Headers.IfMatch.ToString(), body),
                ("DELETE", ["calendars", "primary", "events", var id]) => Delete(id),
                ("POST", ["channels", "stop"]) => Stop(body),
                _ => Error(404, "Not Found", "notFound"),
            };
        }
    }

    private Answer List(IQueryCollection query)
    {
        IReadOnlyList<JsonObject> items;
        long syncPoint;
        int offset;
        if (query["pageToken"].ToString() is { Length: > 0 } pageToken)
        {
            var parts = pageToken.Split(':');
            if (parts.Length != 2 || !listings.TryGetValue(parts[0], out var listing))
                return Error(400, "Invalid page token value.", "invalid");
            (items, syncPoint) = listing;
            offset = int.Parse(parts[1], CultureInfo.InvariantCulture);
        }
        else
        {
            // Our pull lists with singleEvents=false (series plus exceptions); expanding every series is not played.
            if (query["singleEvents"] == "true")
                return Error(400, "singleEvents=true is not played by this stand-in.", "invalid");
            var showDeleted = query["showDeleted"] == "true";
            long since = 0;
            if (query["syncToken"].ToString() is { Length: > 0 } syncToken)
            {
                since = long.Parse(syncToken["sync-".Length..], CultureInfo.InvariantCulture);
                if (since < oldestValidSyncPoint)
                    return Error(410, "Sync token is no longer valid, a full sync is required.", "fullSyncRequired");
                showDeleted = true;
            }

            items = [.. sequences.Where(s => s.Value > since).OrderBy(s => s.Value).Select(s => events[s.Key])
                .Where(e => showDeleted || (string?)e["status"] != "cancelled")
                .Select(Listed)];
            syncPoint = sequence;
            offset = 0;
        }

        var pageSize = int.TryParse(query["maxResults"], CultureInfo.InvariantCulture, out var max) ? Math.Min(max, 250) : 250;
        var page = new JsonObject
        {
            ["kind"] = "calendar#events",
            ["summary"] = "test@example.com",
            ["timeZone"] = CalendarTimeZone,
            ["items"] = new JsonArray([.. items.Skip(offset).Take(pageSize).Select(e => e.DeepClone())]),
        };
        if (offset + pageSize < items.Count)
        {
            var cursor = Guid.NewGuid().ToString("N");
            listings[cursor] = (items, syncPoint);
            page["nextPageToken"] = $"{cursor}:{offset + pageSize}";
        }
        else
        {
            page["nextSyncToken"] = $"sync-{syncPoint}";
        }

        return new Answer(200, page.ToJsonString());
    }

    private Answer Insert(string body)
    {
        var input = JsonNode.Parse(body)!.AsObject();
        var id = (string?)input["id"] ?? NewId();
        if (id.Length is < 5 or > 1024 || id.Any(c => !Base32Hex.Contains(c, StringComparison.Ordinal)))
            return Error(400, "Invalid resource id value.", "invalid");
        if (events.ContainsKey(id))
            return Error(409, "The requested identifier already exists.", "duplicate");
        input.Remove("etag");
        input.Remove("updated");
        // On insert an explicit null means "not given".
        foreach (var name in input.Where(p => p.Value is null).Select(p => p.Key).ToList())
            input.Remove(name);
        if (input["reminders"] is JsonObject given)
        {
            foreach (var name in given.Where(p => p.Value is null).Select(p => p.Key).ToList())
                given.Remove(name);
        }

        if ((TimesProblem(input) ?? RecurrenceProblem(input) ?? RemindersProblem(input)) is { } problem)
            return problem;
        return new Answer(200, Store(id, input).ToJsonString());
    }

    private Answer Patch(string id, string ifMatch, string body)
    {
        if (Addressed(id, ifMatch) is not { } stored)
            return AddressProblem(id, ifMatch);
        var patch = JsonNode.Parse(body)!.AsObject();
        if (EditProblem(stored, patch) is { } refused)
            return refused;

        // Patch semantics: objects merge member by member, an explicit null deletes, anything else replaces.
        var merged = (JsonObject)stored.DeepClone();
        foreach (var (name, value) in patch)
        {
            if (!Immutable(stored, name))
                Merge(merged, name, value);
        }

        return Save(id, merged);
    }

    /// <summary><c>events.update</c>: the body replaces the event (nulls mean "not given", as on insert); immutable fields stay.</summary>
    private Answer Update(string id, string ifMatch, string body)
    {
        if (Addressed(id, ifMatch) is not { } stored)
            return AddressProblem(id, ifMatch);
        var input = JsonNode.Parse(body)!.AsObject();
        if (EditProblem(stored, input) is { } refused)
            return refused;

        var replaced = new JsonObject();
        foreach (var (name, value) in stored)
        {
            if (Immutable(stored, name))
                replaced[name] = value?.DeepClone();
        }

        foreach (var (name, value) in input)
        {
            if (value is not null && !Immutable(stored, name))
                replaced[name] = value.DeepClone();
        }

        return Save(id, replaced);
    }

    /// <summary>The stored event, or the instance the id names (not yet stored); null when neither or the etag is stale.</summary>
    private JsonObject? Addressed(string id, string ifMatch)
    {
        if (events.TryGetValue(id, out var stored))
            return ifMatch.Length > 0 && ifMatch != (string?)stored["etag"] ? null : stored;
        // An instance that is no exception yet has no etag a client could have seen.
        return ifMatch.Length > 0 ? null : Materialize(id);
    }

    private Answer AddressProblem(string id, string ifMatch) =>
        events.ContainsKey(id) || (ifMatch.Length > 0 && Materialize(id) is not null)
            ? Error(412, "Precondition Failed", "conditionNotMet")
            : Error(404, "Not Found", "notFound");

    private static Answer? EditProblem(JsonObject stored, JsonObject change)
    {
        // Google lets an API client change only a few fields (colour, reminders, ...) of these; none that sync sends.
        if ((string?)stored["eventType"] is "birthday" or "fromGmail" && change.Any(p => p.Key is "summary" or "start" or "end" or "description" or "location"))
            return Error(400, $"Event type '{stored["eventType"]}' does not allow changing these fields.", "eventTypeRestriction");
        // An instance follows its series' rule; it has none of its own.
        if (stored["recurringEventId"] is not null && change["recurrence"] is JsonArray { Count: > 0 })
            return Error(400, "Invalid recurrence rule.", "invalid");
        return null;
    }

    // The server's own fields, and an instance's link to its series (originalStartTime is immutable).
    private static bool Immutable(JsonObject stored, string name) =>
        name is "id" or "etag" or "updated" or "kind" or "eventType"
        || (stored["recurringEventId"] is not null && name is "recurringEventId" or "originalStartTime");

    private Answer Save(string id, JsonObject changed)
    {
        if ((TimesProblem(changed) ?? RecurrenceProblem(changed) ?? RemindersProblem(changed)) is { } problem)
            return problem;
        if (!events.ContainsKey(id))
            return new Answer(200, Store(id, changed).ToJsonString());
        events[id] = changed;
        return new Answer(200, Touch(id, changed).ToJsonString());
    }

    private static Answer? RecurrenceProblem(JsonObject e) =>
        RecurringEvents.Problem(e) is { } message ? Error(400, message, "invalid") : null;

    /// <summary>
    /// The instance an id names when no exception is stored under it: the series' occurrence at that original start,
    /// made concrete (its own times, <c>recurringEventId</c>, <c>originalStartTime</c>, no <c>recurrence</c>); null when
    /// the series is gone, the id's start is of the wrong kind, or the rule has no instance there.
    /// </summary>
    private JsonObject? Materialize(string id)
    {
        if (!RecurringEvents.TryParseInstanceId(id, out var seriesId, out var originalStart, out var allDay)
            || !events.TryGetValue(seriesId, out var series)
            || (string?)series["status"] == "cancelled"
            || !RecurringEvents.IsSeries(series)
            || allDay != RecurringEvents.IsAllDay(series)
            || !RecurringEvents.OccursAt(series, originalStart))
        {
            return null;
        }

        var instance = (JsonObject)series.DeepClone();
        foreach (var name in new[] { "id", "etag", "updated", "recurrence" })
            instance.Remove(name);
        (instance["start"], instance["end"]) = RecurringEvents.InstanceTimes(series, originalStart);
        instance["recurringEventId"] = seriesId;
        instance["originalStartTime"] = RecurringEvents.OriginalStartTime(series, originalStart);
        return instance;
    }

    /// <summary>
    /// A listed event. A cancelled exception carries only what Google guarantees for one (id, recurringEventId,
    /// originalStartTime; status and etag to read it by): "the other fields might be empty".
    /// </summary>
    private static JsonObject Listed(JsonObject e)
    {
        if ((string?)e["status"] != "cancelled" || e["recurringEventId"] is null)
            return (JsonObject)e.DeepClone();
        return new JsonObject
        {
            ["kind"] = "calendar#event",
            ["etag"] = e["etag"]?.DeepClone(),
            ["id"] = e["id"]?.DeepClone(),
            ["status"] = "cancelled",
            ["recurringEventId"] = e["recurringEventId"]?.DeepClone(),
            ["originalStartTime"] = e["originalStartTime"]?.DeepClone(),
        };
    }

    private static void Merge(JsonObject target, string name, JsonNode? value)
    {
        if (value is null)
        {
            target.Remove(name);
        }
        else if (value is JsonObject patch && target[name] is JsonObject existing)
        {
            foreach (var (member, memberValue) in patch)
                Merge(existing, member, memberValue);
        }
        else
        {
            target[name] = value.DeepClone();
        }
    }

    /// <summary>Google's checks of <c>start</c>/<c>end</c>: exactly one of date and dateTime, an end not before the start.</summary>
    private static Answer? TimesProblem(JsonObject e)
    {
        foreach (var field in new[] { "start", "end" })
        {
            if (e[field] is not JsonObject time || (time["date"] is null) == (time["dateTime"] is null))
                return Error(400, field == "start" ? "Invalid start time." : "Invalid end time.", "invalid");
        }

        var start = e["start"]!.AsObject();
        var end = e["end"]!.AsObject();
        if ((start["date"] is null) != (end["date"] is null))
            return Error(400, "Start and end must both be dates or both be date-times.", "invalid");
        var empty = start["date"] is { } startDate
            ? string.CompareOrdinal((string?)end["date"], (string?)startDate) <= 0
            : DateTimeOffset.Parse((string)end["dateTime"]!, CultureInfo.InvariantCulture) < DateTimeOffset.Parse((string)start["dateTime"]!, CultureInfo.InvariantCulture);
        return empty ? Error(400, "The specified time range is empty.", "timeRangeEmpty") : null;
    }

    /// <summary>
    /// Google's rules for <c>reminders</c>, as its Events reference gives them: overrides only when the defaults do not
    /// apply, at most five, each with a method (<c>email</c> or <c>popup</c>) and 0 to 40320 minutes. The messages are ours.
    /// </summary>
    private static Answer? RemindersProblem(JsonObject e)
    {
        if (e["reminders"] is null)
            return null;
        if (e["reminders"] is not JsonObject reminders)
            return Error(400, "Invalid value for: reminders.", "invalid");
        var overrides = reminders["overrides"] as JsonArray;
        if (reminders["overrides"] is not null && overrides is null)
            return Error(400, "Invalid value for: reminders.overrides.", "invalid");
        if (reminders["useDefault"] is JsonValue useDefault && useDefault.TryGetValue<bool>(out var usesDefault) && usesDefault && overrides is { Count: > 0 })
            return Error(400, "Cannot specify both default reminders and overrides at the same time.", "cannotUseDefaultRemindersAndSpecifyOverride");
        if (overrides is { Count: > 5 })
            return Error(400, "The maximum number of override reminders is 5.", "invalid");
        foreach (var entry in overrides ?? [])
        {
            if (entry is not JsonObject reminder)
                return Error(400, "Invalid value for: reminders.overrides.", "invalid");
            if ((string?)reminder["method"] is not ("email" or "popup"))
                return Error(400, reminder["method"] is null ? "Missing reminder method." : "Invalid reminder method.", "invalid");
            if (reminder["minutes"] is not JsonValue minutes || !minutes.TryGetValue<int>(out var value))
                return Error(400, "Missing reminder minutes.", "invalid");
            if (value is < 0 or > 40320)
                return Error(400, "Invalid reminder minutes.", "invalid");
        }

        return null;
    }

    private Answer Delete(string id)
    {
        if (events.TryGetValue(id, out var stored))
        {
            if ((string?)stored["status"] == "cancelled")
                return Error(410, "Resource has been deleted", "deleted");
            Cancel(id, stored);
            return new Answer(204, null);
        }

        // Deleting an instance that is no exception yet leaves a cancelled exception behind.
        if (Materialize(id) is not { } instance)
            return Error(404, "Not Found", "notFound");
        instance["status"] = "cancelled";
        Store(id, instance);
        return new Answer(204, null);
    }

    private void Cancel(string id, JsonObject stored)
    {
        stored["status"] = "cancelled";
        Touch(id, stored);
        if (!RecurringEvents.IsSeries(stored))
            return;
        foreach (var (exceptionId, exception) in events.Where(e => (string?)e.Value["recurringEventId"] == id && (string?)e.Value["status"] != "cancelled").ToList())
        {
            exception["status"] = "cancelled";
            Touch(exceptionId, exception);
        }
    }

    private Answer Watch(string body)
    {
        var input = JsonNode.Parse(body)!.AsObject();
        if ((string?)input["type"] != "web_hook" || (string?)input["id"] is not { Length: > 0 } id || (string?)input["address"] is not { } address)
            return Error(400, "Invalid channel.", "invalid");
        var channel = new WatchChannel(id, "resource-" + Guid.NewGuid().ToString("N"), new Uri(address), (string?)input["token"], time.GetUtcNow().AddDays(7));
        channels[id] = channel;
        return new Answer(200, new JsonObject
        {
            ["kind"] = "api#channel",
            ["id"] = id,
            ["resourceId"] = channel.ResourceId,
            ["resourceUri"] = CalendarBaseUri + "calendars/primary/events",
            ["token"] = channel.Token,
            ["expiration"] = channel.Expiration.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        }.ToJsonString());
    }

    private Answer Stop(string body)
    {
        var input = JsonNode.Parse(body)!.AsObject();
        if ((string?)input["id"] is not { } id || !channels.TryGetValue(id, out var channel) || channel.ResourceId != (string?)input["resourceId"])
            return Error(404, "Channel not found.", "notFound");
        channels.Remove(id);
        return new Answer(204, null);
    }

    private static Answer Error(int status, string message, string reason) =>
        new(status, JsonSerializer.Serialize(new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = status,
                ["message"] = message,
                ["errors"] = new JsonArray(new JsonObject { ["domain"] = "global", ["reason"] = reason, ["message"] = message }),
            },
        }));

    private static Dictionary<string, string> QueryStringToDictionary(string form) =>
        form.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : string.Empty, StringComparer.Ordinal);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record Answer(int Status, string? Json, string? RetryAfter = null);
}
