using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using static RealtimeCalendar.EndToEnd.Tests.HttpApi.EventJson;

namespace RealtimeCalendar.EndToEnd.Tests.Reminders;

/// <summary>Events with reminders through the HTTP API, and the reminder frames sockets receive.</summary>
internal static class ReminderEvents
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(700);

    public static JsonObject Body(DateTimeOffset start, TimeSpan length, string zone, int[]? minutes, string title = "Dentist", string[]? recurrence = null)
    {
        var body = new JsonObject
        {
            ["title"] = title,
            ["start"] = Iso(start),
            ["end"] = Iso(start + length),
            ["allDay"] = false,
            ["timeZone"] = zone,
        };
        if (minutes is not null)
            body["reminders"] = new JsonObject { ["useDefault"] = false, ["overrides"] = new JsonArray([.. minutes.Select(m => (JsonNode)new JsonObject { ["method"] = "popup", ["minutes"] = m })]) };
        if (recurrence is not null)
            body["recurrence"] = new JsonArray([.. recurrence.Select(l => (JsonNode)l)]);
        return body;
    }

    public static async Task<(string Id, long Version)> CreateAsync(HttpClient http, JsonObject body)
    {
        using var response = await http.PostAsync("/api/events", Content(body));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return ((string)created["id"]!, (long)created["version"]!);
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, JsonObject? body, long? ifMatch)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : Content(body) };
        if (ifMatch is { } version)
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version.ToString(CultureInfo.InvariantCulture)}\""));
        return await http.SendAsync(request);
    }

    /// <summary>The next reminder frame on the socket (for the event when given).</summary>
    public static Task<JsonObject> NextReminderAsync(this TestSocket socket, string? eventId = null) =>
        socket.NextAsync(m => (string?)m["type"] == "reminder" && (eventId is null || (string?)m["eventId"] == eventId));

    /// <summary>Waits for a reminder frame of each event, in whatever order they come, and returns them by event id.</summary>
    public static async Task<Dictionary<string, JsonObject>> NextRemindersAsync(this TestSocket socket, params string[] eventIds)
    {
        var found = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        while (found.Count < eventIds.Length)
        {
            var frame = await socket.NextAsync(m => (string?)m["type"] == "reminder" && eventIds.Contains((string?)m["eventId"]));
            found.TryAdd((string)frame["eventId"]!, frame);
        }

        return found;
    }

    /// <summary>Every reminder frame the socket received so far.</summary>
    public static async Task<List<JsonObject>> RemindersSoFarAsync(this TestSocket socket)
    {
        // A post the sweep finished has been written to the socket; give the receive loop a moment to read it.
        await Task.Delay(Quiet);
        return socket.Received.Where(m => (string?)m["type"] == "reminder").ToList();
    }

    public static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
