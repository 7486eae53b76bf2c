using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using RealtimeCalendar.StandIns.Google;

namespace RealtimeCalendar.Google.Tests.StandIn;

/// <summary>
/// The stand-in plays Calendar v3's recurring events as documented, over plain HTTP: <c>recurrence</c> checks, instance
/// ids, exceptions and cancelled exceptions in listings, and the 404 for an id that names no instance.
/// </summary>
public sealed class GoogleRecurringEventTests : IAsyncLifetime
{
    private const string Weekly = """
        {"summary":"Weekly 1:1","start":{"dateTime":"2026-11-30T10:00:00+01:00","timeZone":"Europe/Berlin"},
         "end":{"dateTime":"2026-11-30T11:00:00+01:00","timeZone":"Europe/Berlin"},"recurrence":["RRULE:FREQ=WEEKLY;COUNT=10"]}
        """;

    private GoogleCalendarServer google = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        google = await GoogleCalendarServer.StartAsync(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)));
        http = new HttpClient { BaseAddress = google.CalendarBaseUri };
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = google.IssueRefreshToken(),
            ["client_id"] = GoogleCalendarServer.ClientId,
            ["client_secret"] = GoogleCalendarServer.ClientSecret,
        });
        using var token = await http.PostAsync(google.TokenEndpoint, form);
        var accessToken = (string)JsonNode.Parse(await token.Content.ReadAsStringAsync())!["access_token"]!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await google.DisposeAsync();
    }

    [Theory]
    [InlineData("""["RRULE:FREQ=WEEKLY"]""", false, "Missing time zone definition for start time.")]
    [InlineData("""["DTSTART:20261130T090000Z","RRULE:FREQ=WEEKLY"]""", true, "Invalid recurrence rule.")]
    [InlineData("""["RRULE:FREQ=FORTNIGHTLY"]""", true, "Invalid recurrence rule.")]
    [InlineData("""["EXDATE;TZID=Europe/Berlin:20261207T100000"]""", true, null)]
    public async Task Insert_checks_recurrence_lines_and_wants_the_zone_a_timed_rule_is_expanded_in(string recurrence, bool withZone, string? refusal)
    {
        var zone = withZone ? ""","timeZone":"Europe/Berlin" """ : "";
        var body = $$"""{"start":{"dateTime":"2026-11-30T10:00:00+01:00"{{zone}}},"end":{"dateTime":"2026-11-30T11:00:00+01:00"{{zone}}},"recurrence":{{recurrence}}}""";

        var (status, answer) = await SendAsync(HttpMethod.Post, "calendars/primary/events", body);

        if (refusal is null)
        {
            // An EXDATE alone is still a valid recurrence to Google (a series of one); only the app refuses it.
            Assert.Equal(HttpStatusCode.OK, status);
            return;
        }

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(refusal, (string?)answer["error"]!["message"]);
    }

    [Fact]
    public async Task Patching_an_instance_id_makes_an_exception_that_listings_return_beside_its_series()
    {
        var series = await InsertAsync(Weekly);
        var instanceId = $"{series["id"]}_20261207T090000Z";

        var (status, exception) = await SendAsync(HttpMethod.Patch, $"calendars/primary/events/{instanceId}", """{"start":{"dateTime":"2026-12-08T10:00:00+01:00"},"end":{"dateTime":"2026-12-08T11:00:00+01:00"}}""");
        var (_, listing) = await SendAsync(HttpMethod.Get, "calendars/primary/events", null);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(instanceId, (string?)exception["id"]);
        Assert.Equal((string?)series["id"], (string?)exception["recurringEventId"]);
        Assert.Equal("2026-12-07T09:00:00Z", (string?)exception["originalStartTime"]!["dateTime"]);
        Assert.Equal("Europe/Berlin", (string?)exception["originalStartTime"]!["timeZone"]);
        Assert.Equal("Europe/Berlin", (string?)exception["start"]!["timeZone"]);
        Assert.Equal("Weekly 1:1", (string?)exception["summary"]);
        Assert.False(exception.AsObject().ContainsKey("recurrence"));
        Assert.Equal([(string?)series["id"], instanceId], listing["items"]!.AsArray().Select(e => (string?)e!["id"]));
    }

    [Theory]
    [InlineData("_20261207T100000Z")]
    [InlineData("_20261207t090000z")]
    [InlineData("_20261207")]
    [InlineData("_20270208T090000Z")]
    public async Task An_instance_id_that_names_no_instance_is_404(string suffix)
    {
        // Not on the rule's time, lowercase (which Google does not accept either), a date for a timed series, after COUNT.
        var series = await InsertAsync(Weekly);

        var (patched, _) = await SendAsync(HttpMethod.Patch, $"calendars/primary/events/{series["id"]}{suffix}", """{"summary":"x"}""");
        var (deleted, _) = await SendAsync(HttpMethod.Delete, $"calendars/primary/events/{series["id"]}{suffix}", null);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (patched, deleted));
    }

    [Fact]
    public async Task Deleting_an_instance_leaves_a_cancelled_exception_with_only_its_guaranteed_fields()
    {
        var (_, first) = await SendAsync(HttpMethod.Get, "calendars/primary/events", null);
        var series = await InsertAsync(Weekly);
        var instanceId = $"{series["id"]}_20261214T090000Z";

        var (deleted, _) = await SendAsync(HttpMethod.Delete, $"calendars/primary/events/{instanceId}", null);
        var (again, _) = await SendAsync(HttpMethod.Delete, $"calendars/primary/events/{instanceId}", null);
        var (_, incremental) = await SendAsync(HttpMethod.Get, $"calendars/primary/events?syncToken={first["nextSyncToken"]}", null);
        var (_, plain) = await SendAsync(HttpMethod.Get, "calendars/primary/events", null);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.Gone), (deleted, again));
        var cancelled = incremental["items"]!.AsArray().Single(e => (string?)e!["id"] == instanceId)!.AsObject();
        Assert.Equal("cancelled", (string?)cancelled["status"]);
        Assert.Equal((string?)series["id"], (string?)cancelled["recurringEventId"]);
        Assert.Equal("2026-12-14T09:00:00Z", (string?)cancelled["originalStartTime"]!["dateTime"]);
        Assert.False(cancelled.ContainsKey("summary"));
        Assert.False(cancelled.ContainsKey("updated"));
        Assert.Equal([(string?)series["id"]], plain["items"]!.AsArray().Select(e => (string?)e!["id"]));
    }

    [Fact]
    public async Task Deleting_a_series_cancels_its_exceptions_too()
    {
        var series = await InsertAsync(Weekly);
        var (_, afterInsert) = await SendAsync(HttpMethod.Get, "calendars/primary/events", null);
        await SendAsync(HttpMethod.Patch, $"calendars/primary/events/{series["id"]}_20261207T090000Z", """{"summary":"Moved"}""");

        var (deleted, _) = await SendAsync(HttpMethod.Delete, $"calendars/primary/events/{series["id"]}", null);
        var (_, incremental) = await SendAsync(HttpMethod.Get, $"calendars/primary/events?syncToken={afterInsert["nextSyncToken"]}", null);
        var (instance, _) = await SendAsync(HttpMethod.Patch, $"calendars/primary/events/{series["id"]}_20261214T090000Z", """{"summary":"x"}""");

        Assert.Equal(HttpStatusCode.NoContent, deleted);
        Assert.All(incremental["items"]!.AsArray(), e => Assert.Equal("cancelled", (string?)e!["status"]));
        Assert.Equal(2, incremental["items"]!.AsArray().Count);
        Assert.Equal(HttpStatusCode.NotFound, instance);
    }

    [Fact]
    public async Task All_day_instances_are_named_by_date_and_carry_a_date_original_start()
    {
        var series = await InsertAsync("""{"summary":"Gym","start":{"date":"2026-12-01"},"end":{"date":"2026-12-02"},"recurrence":["RRULE:FREQ=DAILY;COUNT=5"]}""");

        var (status, exception) = await SendAsync(HttpMethod.Patch, $"calendars/primary/events/{series["id"]}_20261203", """{"summary":"Gym (late)"}""");
        var (timedSuffix, _) = await SendAsync(HttpMethod.Patch, $"calendars/primary/events/{series["id"]}_20261203T000000Z", """{"summary":"x"}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2026-12-03", (string?)exception["originalStartTime"]!["date"]);
        Assert.Equal("2026-12-03", (string?)exception["start"]!["date"]);
        Assert.Equal("2026-12-04", (string?)exception["end"]!["date"]);
        Assert.Equal(HttpStatusCode.NotFound, timedSuffix);
    }

    [Fact]
    public async Task An_instance_takes_no_recurrence_and_keeps_its_original_start()
    {
        var series = await InsertAsync(Weekly);
        var instanceId = $"{series["id"]}_20261207T090000Z";

        var (withRule, _) = await SendAsync(HttpMethod.Patch, $"calendars/primary/events/{instanceId}", """{"recurrence":["RRULE:FREQ=DAILY"]}""");
        var (_, moved) = await SendAsync(HttpMethod.Put, $"calendars/primary/events/{instanceId}", """{"summary":"Moved","originalStartTime":{"dateTime":"2026-12-09T09:00:00Z"},"start":{"dateTime":"2026-12-09T09:00:00Z","timeZone":"Europe/Berlin"},"end":{"dateTime":"2026-12-09T10:00:00Z","timeZone":"Europe/Berlin"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, withRule);
        Assert.Equal("2026-12-07T09:00:00Z", (string?)moved["originalStartTime"]!["dateTime"]);
        Assert.Equal((string?)series["id"], (string?)moved["recurringEventId"]);
        Assert.Equal("Moved", (string?)moved["summary"]);
    }

    [Fact]
    public async Task An_excluded_instance_is_404_an_etag_for_an_instance_never_changed_is_412_and_single_events_listings_are_refused()
    {
        var series = await InsertAsync("""
            {"start":{"dateTime":"2026-11-30T10:00:00+01:00","timeZone":"Europe/Berlin"},"end":{"dateTime":"2026-11-30T11:00:00+01:00","timeZone":"Europe/Berlin"},
             "recurrence":["RRULE:FREQ=WEEKLY;COUNT=10","EXDATE;TZID=Europe/Berlin:20261207T100000"]}
            """);

        var (excluded, _) = await SendAsync(HttpMethod.Patch, $"calendars/primary/events/{series["id"]}_20261207T090000Z", """{"summary":"x"}""");
        using var withEtag = new HttpRequestMessage(HttpMethod.Patch, $"calendars/primary/events/{series["id"]}_20261214T090000Z")
        {
            Content = new StringContent("""{"summary":"x"}""", Encoding.UTF8, "application/json"),
        };
        withEtag.Headers.TryAddWithoutValidation("If-Match", (string)series["etag"]!);
        using var stale = await http.SendAsync(withEtag);
        var (expanded, error) = await SendAsync(HttpMethod.Get, "calendars/primary/events?singleEvents=true", null);

        Assert.Equal(HttpStatusCode.NotFound, excluded);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, expanded);
        Assert.Contains("not played", (string?)error["error"]!["message"], StringComparison.Ordinal);
    }

    private async Task<JsonNode> InsertAsync(string body)
    {
        var (status, created) = await SendAsync(HttpMethod.Post, "calendars/primary/events", body);
        Assert.Equal(HttpStatusCode.OK, status);
        return created;
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> SendAsync(HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text)! : new JsonObject());
    }
}
