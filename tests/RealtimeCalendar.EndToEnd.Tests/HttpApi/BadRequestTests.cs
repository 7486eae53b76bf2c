using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using static RealtimeCalendar.EndToEnd.Tests.HttpApi.EventJson;

namespace RealtimeCalendar.EndToEnd.Tests.HttpApi;

/// <summary>Every bad request gets a 4xx problem naming what is wrong, and leaves the stored calendar untouched.</summary>
[Collection(LocalCloudCollection.Name)]
public sealed class BadRequestTests(LocalCloudFixture fixture) : IAsyncLifetime
{
    private TestUser user = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        user = await fixture.CreateUserAsync();
        http = user.CreateClient();
    }

    public Task DisposeAsync()
    {
        http.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<string, string, string?> BadBodies => new()
    {
        { "malformed JSON", """{"title": "Lunch", """, null },
        { "not an object", """["Lunch"]""", null },
        { "title of the wrong type", Replace("title", JsonValue.Create(42)), "title" },
        { "allDay of the wrong type", Replace("allDay", JsonValue.Create("yes")), "allDay" },
        { "start that is not a date", Replace("start", JsonValue.Create("next tuesday")), "start" },
        { "start without an offset", Replace("start", JsonValue.Create("2026-12-01T12:00:00")), "start" },
        { "end before start", Replace("end", JsonValue.Create("2026-12-01T11:00:00Z")), "end" },
        { "unknown time zone", Replace("timeZone", JsonValue.Create("Mars/Olympus_Mons")), "timeZone" },
        { "missing title", Remove("title"), "title" },
        { "blank title", Replace("title", JsonValue.Create("   ")), "title" },
        { "oversize title", Replace("title", JsonValue.Create(new string('t', 201))), "title" },
        { "oversize location", Replace("location", JsonValue.Create(new string('l', 501))), "location" },
        { "oversize description", Replace("description", JsonValue.Create(new string('d', 8_001))), "description" },
        { "unknown field", Replace("colour", JsonValue.Create("red")), "colour" },
        { "year out of range", Replace("start", JsonValue.Create("0001-01-01T00:00:00Z")), "start" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_event_bodies_get_a_400_problem_and_change_nothing(string because, string body, string? field)
    {
        var (location, before) = await CreateAsync();
        var countBefore = await CountAsync();

        using var create = await http.PostAsync("/api/events", Content(body));
        using var put = await SendAsync(HttpMethod.Put, location, body);

        foreach (var response in new[] { create, put })
        {
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{because}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
            Assert.Equal(400, (int)problem!["status"]!);
            Assert.StartsWith("/problems/", (string?)problem["type"]);
            Assert.DoesNotContain("   at ", problem.ToJsonString(), StringComparison.Ordinal);
            if (field is not null)
                Assert.Contains(problem["errors"]!.AsArray(), e => (string?)e!["field"] == field);
        }

        Assert.Equal(countBefore, await CountAsync());
        Assert.Equal(before.ToJsonString(), (await http.GetFromJsonAsync<JsonObject>(location))!.ToJsonString());
    }

    [Fact]
    public async Task A_body_over_64_KB_is_413_and_not_stored()
    {
        var countBefore = await CountAsync();
        var huge = Valid();
        huge["description"] = new string('x', 70_000);
        using var response = await http.PostAsync("/api/events", Content(huge));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(countBefore, await CountAsync());
    }

    [Fact]
    public async Task A_non_json_content_type_is_415()
    {
        using var response = await http.PostAsync("/api/events", new StringContent(Valid().ToJsonString(), Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_utf8_is_a_400_problem()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid().ToJsonString());
        bytes[12] = 0xC3;
        bytes[13] = 0x28;
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        using var response = await http.PostAsync("/api/events", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?from=2026-12-01T00:00:00Z")]
    [InlineData("?from=yesterday&to=today")]
    [InlineData("?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z")]
    [InlineData("?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z")]
    public async Task Bad_list_ranges_are_400_problems(string query)
    {
        using var response = await http.GetAsync("/api/events" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_per_user_event_cap_answers_409_once_reached()
    {
        for (var i = 0; i < LocalCloudFixture.MaxEventsPerUser; i++)
            (await http.PostAsync("/api/events", Content(Valid($"filler {i}", dayOffset: 27)))).Dispose();

        using var response = await http.PostAsync("/api/events", Content(Valid("one too many")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(LocalCloudFixture.MaxEventsPerUser, await CountAsync());
    }

    private static string Replace(string field, JsonNode value)
    {
        var body = Valid();
        body[field] = value;
        return body.ToJsonString();
    }

    private static string Remove(string field)
    {
        var body = Valid();
        body.Remove(field);
        return body.ToJsonString();
    }

    private async Task<int> CountAsync() =>
        (await fixture.Cloud.Services.Calendar.ListAllAsync(user.UserId, new(new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2199, 1, 1, 0, 0, 0, TimeSpan.Zero)))).Count;

    private async Task<(string Location, JsonObject Body)> CreateAsync()
    {
        using var response = await http.PostAsync("/api/events", Content(Valid("untouchable")));
        return (response.Headers.Location!.OriginalString, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string body)
    {
        var request = new HttpRequestMessage(method, path) { Content = Content(body) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        return http.SendAsync(request);
    }
}
