using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace RealtimeCalendar.Browser.Tests.Fixtures;

/// <summary>
/// The HTTP API as one user's other device uses it (bearer token, <c>If-Match</c> on writes): how tests make
/// changes a tab did not make, and read back what a tab stored.
/// </summary>
public sealed class CalendarApi(HttpClient http) : IDisposable
{
    /// <param name="reminderMinutes">The event's own popup reminders (Google's <c>reminders.overrides</c>); null for the defaults.</param>
    public async Task<StoredEvent> CreateAsync(
        string title, DateTimeOffset start, DateTimeOffset end, bool allDay = false, string? description = null, IReadOnlyList<int>? reminderMinutes = null)
    {
        var body = Body(title, start, end, allDay);
        if (description is not null)
            body["description"] = description;
        if (reminderMinutes is not null)
        {
            body["reminders"] = new JsonObject
            {
                ["useDefault"] = false,
                ["overrides"] = new JsonArray([.. reminderMinutes.Select(m => (JsonNode)new JsonObject { ["method"] = "popup", ["minutes"] = m })]),
            };
        }

        using var response = await http.PostAsJsonAsync("/api/events", body);
        return await ReadAsync(response, HttpStatusCode.Created);
    }

    public async Task<StoredEvent> UpdateAsync(StoredEvent current, string title, DateTimeOffset? start = null, DateTimeOffset? end = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/events/{current.Id}")
        {
            Content = JsonContent.Create(Body(title, start ?? current.Start, end ?? current.End, current.AllDay)),
        };
        request.Headers.IfMatch.Add(ETag(current.Version));
        using var response = await http.SendAsync(request);
        return await ReadAsync(response, HttpStatusCode.OK);
    }

    public async Task DeleteAsync(StoredEvent current)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/events/{current.Id}");
        request.Headers.IfMatch.Add(ETag(current.Version));
        using var response = await http.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.NoContent)
            throw new HttpRequestException($"DELETE {current.Id} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The stored event, or null when there is none (404).</summary>
    public async Task<StoredEvent?> FindAsync(string id)
    {
        using var response = await http.GetAsync($"/api/events/{id}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync(response, HttpStatusCode.OK);
    }

    public void Dispose() => http.Dispose();

    private static JsonObject Body(string title, DateTimeOffset start, DateTimeOffset end, bool allDay) => new()
    {
        ["title"] = title,
        ["start"] = start.ToString("O", CultureInfo.InvariantCulture),
        ["end"] = end.ToString("O", CultureInfo.InvariantCulture),
        ["allDay"] = allDay,
        ["timeZone"] = "UTC",
    };

    private static EntityTagHeaderValue ETag(long version) => new($"\"{version.ToString(CultureInfo.InvariantCulture)}\"");

    private static async Task<StoredEvent> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != expected)
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");

        var body = JsonNode.Parse(text)!.AsObject();
        return new StoredEvent(
            (string)body["id"]!,
            (string)body["title"]!,
            DateTimeOffset.Parse((string)body["start"]!, CultureInfo.InvariantCulture),
            DateTimeOffset.Parse((string)body["end"]!, CultureInfo.InvariantCulture),
            (bool)body["allDay"]!,
            (long)body["version"]!);
    }
}
