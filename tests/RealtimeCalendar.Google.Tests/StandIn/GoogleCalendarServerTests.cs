using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using RealtimeCalendar.StandIns.Google;

namespace RealtimeCalendar.Google.Tests.StandIn;

/// <summary>
/// The stand-in Google server plays Calendar v3's documented semantics, unkind parts included, over plain HTTP (so a
/// kindness of our client cannot hide a missing behaviour of the server).
/// </summary>
public sealed class GoogleCalendarServerTests : IAsyncLifetime
{
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

    [Fact]
    public async Task Patch_merges_nested_objects_and_an_explicit_null_deletes_a_field()
    {
        var created = await InsertAsync("""{"summary":"Offsite","description":"agenda","start":{"dateTime":"2026-12-01T09:00:00+01:00","timeZone":"Europe/Berlin"},"end":{"dateTime":"2026-12-01T10:00:00+01:00","timeZone":"Europe/Berlin"}}""");

        var (status, patched) = await SendAsync(HttpMethod.Patch, $"calendars/primary/events/{created["id"]}", """{"end":{"dateTime":"2026-12-01T11:00:00+01:00"},"description":null}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Europe/Berlin", (string?)patched["end"]!["timeZone"]);
        Assert.Equal("2026-12-01T11:00:00+01:00", (string?)patched["end"]!["dateTime"]);
        Assert.False(patched.AsObject().ContainsKey("description"));
        Assert.Equal("Offsite", (string?)patched["summary"]);
    }

    [Fact]
    public async Task Switching_to_all_day_without_a_null_date_time_is_a_400_invalid_start_time()
    {
        var created = await InsertAsync("""{"summary":"Offsite","start":{"dateTime":"2026-12-01T09:00:00Z"},"end":{"dateTime":"2026-12-01T10:00:00Z"}}""");

        var (merged, error) = await SendAsync(HttpMethod.Patch, $"calendars/primary/events/{created["id"]}", """{"start":{"date":"2026-12-01"},"end":{"date":"2026-12-02"}}""");
        var (switched, _) = await SendAsync(HttpMethod.Patch, $"calendars/primary/events/{created["id"]}", """{"start":{"date":"2026-12-01","dateTime":null},"end":{"date":"2026-12-02","dateTime":null}}""");

        Assert.Equal(HttpStatusCode.BadRequest, merged);
        Assert.Equal("Invalid start time.", (string?)error["error"]!["message"]);
        Assert.Equal(HttpStatusCode.OK, switched);
    }

    [Fact]
    public async Task Insert_with_both_date_and_date_time_or_an_end_before_its_start_is_a_400()
    {
        var (both, _) = await SendAsync(HttpMethod.Post, "calendars/primary/events", """{"start":{"date":"2026-12-01","dateTime":"2026-12-01T09:00:00Z"},"end":{"date":"2026-12-02"}}""");
        var (backwards, _) = await SendAsync(HttpMethod.Post, "calendars/primary/events", """{"start":{"dateTime":"2026-12-01T09:00:00Z"},"end":{"dateTime":"2026-12-01T08:00:00Z"}}""");
        var (zeroLength, _) = await SendAsync(HttpMethod.Post, "calendars/primary/events", """{"start":{"dateTime":"2026-12-01T09:00:00Z"},"end":{"dateTime":"2026-12-01T09:00:00Z"}}""");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.OK), (both, backwards, zeroLength));
    }

    [Fact]
    public async Task Insert_of_an_existing_id_is_a_409()
    {
        const string Body = """{"id":"abcdef0123456789","start":{"dateTime":"2026-12-01T09:00:00Z"},"end":{"dateTime":"2026-12-01T10:00:00Z"}}""";
        var (first, _) = await SendAsync(HttpMethod.Post, "calendars/primary/events", Body);
        var (second, error) = await SendAsync(HttpMethod.Post, "calendars/primary/events", Body);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (first, second));
        Assert.Equal("duplicate", (string?)error["error"]!["errors"]![0]!["reason"]);
    }

    [Fact]
    public async Task Delete_marks_the_event_cancelled_a_second_delete_is_410_and_sync_listings_include_it()
    {
        var (_, first) = await SendAsync(HttpMethod.Get, "calendars/primary/events", null);
        var created = await InsertAsync("""{"summary":"Dentist","start":{"dateTime":"2026-12-01T09:00:00Z"},"end":{"dateTime":"2026-12-01T10:00:00Z"}}""");

        var (deleted, _) = await SendAsync(HttpMethod.Delete, $"calendars/primary/events/{created["id"]}", null);
        var (again, _) = await SendAsync(HttpMethod.Delete, $"calendars/primary/events/{created["id"]}", null);
        var (_, incremental) = await SendAsync(HttpMethod.Get, $"calendars/primary/events?syncToken={first["nextSyncToken"]}", null);
        var (_, plain) = await SendAsync(HttpMethod.Get, "calendars/primary/events", null);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.Gone), (deleted, again));
        var listed = Assert.Single(incremental["items"]!.AsArray());
        Assert.Equal("cancelled", (string?)listed!["status"]);
        Assert.Empty(plain["items"]!.AsArray());
        Assert.Equal("cancelled", (string?)google.Find((string)created["id"]!)!["status"]);
    }

    [Fact]
    public async Task Every_event_carries_its_event_type_and_birthdays_refuse_edits_of_their_times()
    {
        var created = await InsertAsync("""{"summary":"Planning","start":{"dateTime":"2026-12-01T09:00:00Z"},"end":{"dateTime":"2026-12-01T10:00:00Z"}}""");
        var birthday = google.PutInGoogle(JsonNode.Parse("""{"summary":"Ada","eventType":"birthday","start":{"date":"2026-12-10"},"end":{"date":"2026-12-11"}}""")!.AsObject());

        var (status, _) = await SendAsync(HttpMethod.Patch, $"calendars/primary/events/{birthday["id"]}", """{"start":{"date":"2026-12-11"},"end":{"date":"2026-12-12"}}""");
        var (_, listing) = await SendAsync(HttpMethod.Get, "calendars/primary/events", null);

        Assert.Equal("default", (string?)created["eventType"]);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["default", "birthday"], listing["items"]!.AsArray().Select(e => (string?)e!["eventType"]));
    }

    [Fact]
    public async Task An_event_inserted_without_reminders_uses_the_calendars_defaults()
    {
        var created = await InsertAsync("""{"summary":"Offsite","start":{"date":"2026-12-01"},"end":{"date":"2026-12-02"}}""");

        Assert.Equal("""{"useDefault":true}""", created["reminders"]!.ToJsonString());
    }

    [Fact]
    public async Task A_patch_of_reminders_replaces_the_overrides_array_whole_and_a_null_deletes_it()
    {
        var created = await InsertAsync("""{"summary":"Offsite","start":{"date":"2026-12-01"},"end":{"date":"2026-12-02"},"reminders":{"useDefault":false,"overrides":[{"method":"email","minutes":1440},{"method":"popup","minutes":10}]}}""");

        var (_, popupOnly) = await SendAsync(HttpMethod.Patch, $"calendars/primary/events/{created["id"]}", """{"reminders":{"overrides":[{"method":"popup","minutes":30}]}}""");
        Assert.Equal("""{"useDefault":false,"overrides":[{"method":"popup","minutes":30}]}""", popupOnly["reminders"]!.ToJsonString());

        var (status, defaults) = await SendAsync(HttpMethod.Patch, $"calendars/primary/events/{created["id"]}", """{"reminders":{"useDefault":true,"overrides":null}}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("""{"useDefault":true}""", defaults["reminders"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"useDefault":true,"overrides":[{"method":"popup","minutes":10}]}""", "Cannot specify both default reminders and overrides at the same time.")]
    [InlineData("""{"useDefault":false,"overrides":[{"method":"popup","minutes":1},{"method":"popup","minutes":2},{"method":"popup","minutes":3},{"method":"popup","minutes":4},{"method":"popup","minutes":5},{"method":"email","minutes":6}]}""", "The maximum number of override reminders is 5.")]
    [InlineData("""{"useDefault":false,"overrides":[{"method":"sms","minutes":10}]}""", "Invalid reminder method.")]
    [InlineData("""{"useDefault":false,"overrides":[{"minutes":10}]}""", "Missing reminder method.")]
    [InlineData("""{"useDefault":false,"overrides":[{"method":"popup"}]}""", "Missing reminder minutes.")]
    [InlineData("""{"useDefault":false,"overrides":[{"method":"popup","minutes":40321}]}""", "Invalid reminder minutes.")]
    [InlineData("""{"useDefault":false,"overrides":[{"method":"popup","minutes":-1}]}""", "Invalid reminder minutes.")]
    public async Task Reminders_outside_googles_documented_rules_are_a_400_on_insert_and_on_patch(string reminders, string message)
    {
        var (insertStatus, insertError) = await SendAsync(HttpMethod.Post, "calendars/primary/events", $$"""{"summary":"Offsite","start":{"date":"2026-12-01"},"end":{"date":"2026-12-02"},"reminders":{{reminders}}}""");
        var created = await InsertAsync("""{"summary":"Offsite","start":{"date":"2026-12-01"},"end":{"date":"2026-12-02"}}""");
        var (patchStatus, patchError) = await SendAsync(HttpMethod.Patch, $"calendars/primary/events/{created["id"]}", $$"""{"reminders":{{reminders}}}""");

        Assert.Equal((HttpStatusCode.BadRequest, message), (insertStatus, (string?)insertError["error"]!["message"]));
        Assert.Equal((HttpStatusCode.BadRequest, message), (patchStatus, (string?)patchError["error"]!["message"]));
        Assert.Equal("""{"useDefault":true}""", google.Find((string)created["id"]!)!["reminders"]!.ToJsonString());
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
