using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.Lambda.Quotas;
using static RealtimeCalendar.EndToEnd.Tests.HttpApi.EventJson;

namespace RealtimeCalendar.EndToEnd.Tests.Limits;

/// <summary><c>GET /api/events</c> pages (maxResults, pageToken, nextPageToken), so no answer can reach Lambda's 6 MB.</summary>
[Collection(LimitsCloudCollection.Name)]
public sealed class ListPagingTests(LimitsCloudFixture fixture)
{
    private const string WeekQuery = "from=2026-12-07T00:00:00Z&to=2026-12-14T00:00:00Z";

    [Fact]
    public async Task A_week_holding_more_than_one_6_MB_answer_can_carry_lists_completely_through_the_pages()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        // Every text field at its limit, in astral-plane characters (two UTF-16 units each, escaped in JSON): the
        // largest events the validator lets in. 150 of them are ~7 MB of JSON.
        var created = new HashSet<string>();
        for (var i = 0; i < 150; i++)
        {
            var body = new JsonObject
            {
                ["title"] = string.Concat(Enumerable.Repeat("😀", EventLimits.TitleMaxLength / 2)),
                ["start"] = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero).AddMinutes(i * 60).ToString("O"),
                ["end"] = new DateTimeOffset(2026, 12, 7, 0, 30, 0, TimeSpan.Zero).AddMinutes(i * 60).ToString("O"),
                ["allDay"] = false,
                ["timeZone"] = "UTC",
                ["location"] = string.Concat(Enumerable.Repeat("🗺", EventLimits.LocationMaxLength / 2)),
                ["description"] = string.Concat(Enumerable.Repeat("📅", EventLimits.DescriptionMaxLength / 2)),
            };
            using var response = await http.PostAsync("/api/events", Content(body));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            created.Add((string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!);
        }

        var listed = new List<string>();
        long totalBytes = 0;
        var pages = 0;
        string? token = null;
        do
        {
            var query = WeekQuery + (token is null ? string.Empty : "&pageToken=" + Uri.EscapeDataString(token));
            using var response = await http.GetAsync($"/api/events?{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.True(bytes.Length < LambdaQuotas.SynchronousPayloadBytes / 2, $"A page of {bytes.Length} bytes is not far below 6 MB.");
            totalBytes += bytes.Length;
            var page = JsonNode.Parse(bytes)!.AsObject();
            var events = page["events"]!.AsArray();
            Assert.InRange(events.Count, 0, EventPaging.DefaultMaxResults);
            listed.AddRange(events.Select(e => (string)e!["id"]!));
            token = (string?)page["nextPageToken"];
            pages++;
        }
        while (token is not null && pages < 20);

        Assert.True(totalBytes > LambdaQuotas.SynchronousPayloadBytes, $"The week is only {totalBytes} bytes; it must exceed one 6 MB answer.");
        Assert.Equal(created.Order(), listed.Order());
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.True(pages >= 3);
    }

    [Fact]
    public async Task MaxResults_sets_the_page_size_and_is_lowered_to_the_ceiling()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        for (var i = 0; i < 3; i++)
            (await http.PostAsync("/api/events", Content(Valid($"e{i}", dayOffset: 7 + i)))).EnsureSuccessStatusCode();

        var first = await http.GetFromJsonAsync<JsonObject>($"/api/events?{WeekQuery}&maxResults=2");
        Assert.Equal(2, first!["events"]!.AsArray().Count);
        var second = await http.GetFromJsonAsync<JsonObject>(
            $"/api/events?{WeekQuery}&maxResults=2&pageToken={Uri.EscapeDataString((string)first["nextPageToken"]!)}");
        Assert.Single(second!["events"]!.AsArray());
        Assert.False(second.ContainsKey("nextPageToken"));

        var large = await http.GetFromJsonAsync<JsonObject>($"/api/events?{WeekQuery}&maxResults=100000");
        Assert.Equal(3, large!["events"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("maxResults=0", "maxResults")]
    [InlineData("maxResults=-5", "maxResults")]
    [InlineData("maxResults=ten", "maxResults")]
    [InlineData("pageToken=garbage!", "pageToken")]
    [InlineData("pageToken=MXxXfDIwMzAtMDEtMDFUMDA6MDA6MDAuMDAwWnwwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZg", "pageToken")]
    public async Task A_bad_page_parameter_is_a_400_problem(string parameter, string field)
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();

        using var response = await http.GetAsync($"/api/events?{WeekQuery}&{parameter}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(problem.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
    }
}
