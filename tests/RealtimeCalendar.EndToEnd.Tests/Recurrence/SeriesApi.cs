using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static RealtimeCalendar.EndToEnd.Tests.HttpApi.EventJson;

namespace RealtimeCalendar.EndToEnd.Tests.Recurrence;

/// <summary>The calls a client makes on series through the HTTP API, as raw JSON, and every page of a listing.</summary>
internal static class SeriesApi
{
    public static JsonObject Series(string title, string start, string end, string timeZone, params string[] recurrence) => new()
    {
        ["title"] = title,
        ["start"] = start,
        ["end"] = end,
        ["allDay"] = false,
        ["timeZone"] = timeZone,
        ["recurrence"] = new JsonArray([.. recurrence.Select(line => JsonValue.Create(line))]),
    };

    public static async Task<JsonObject> CreateAsync(HttpClient http, JsonObject body)
    {
        using var response = await http.PostAsync("/api/events", Content(body));
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {json}");
        return json!;
    }

    /// <summary>Every event and occurrence of the range, over all pages, earliest start first.</summary>
    public static async Task<List<JsonObject>> ListAsync(HttpClient http, string from, string to)
    {
        var all = new List<JsonObject>();
        string? token = null;
        do
        {
            var url = $"/api/events?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}" + (token is null ? "" : $"&pageToken={Uri.EscapeDataString(token)}");
            var page = (await http.GetFromJsonAsync<JsonObject>(url))!;
            all.AddRange(page["events"]!.AsArray().Select(e => e!.AsObject()));
            token = (string?)page["nextPageToken"];
        }
        while (token is not null);
        return [.. all.OrderBy(e => (string)e["start"]!, StringComparer.Ordinal)];
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string url, long version, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        if (body is not null)
            request.Content = Content(body);
        return await http.SendAsync(request);
    }

    public static JsonObject Moved(JsonObject occurrence, TimeSpan by)
    {
        var copy = new JsonObject
        {
            ["title"] = occurrence["title"]!.DeepClone(),
            ["start"] = Shift((string)occurrence["start"]!, by),
            ["end"] = Shift((string)occurrence["end"]!, by),
            ["allDay"] = occurrence["allDay"]!.DeepClone(),
            ["timeZone"] = occurrence["timeZone"]!.DeepClone(),
        };
        return copy;
    }

    public static string Shift(string instant, TimeSpan by) =>
        DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime().Add(by).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
