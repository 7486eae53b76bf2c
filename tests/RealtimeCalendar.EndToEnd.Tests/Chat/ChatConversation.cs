using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NodaTime;
using RealtimeCalendar.Core.TimeZones;

namespace RealtimeCalendar.EndToEnd.Tests.Chat;

/// <summary>Asks the chat the way the browser's panel does, and names the days tests talk about.</summary>
internal static class ChatConversation
{
    public const string Zone = "Europe/Berlin";

    public static readonly DateTimeZone BerlinZone = IanaTimeZones.GetZone(Zone);

    public static async Task<(HttpResponseMessage Response, JsonObject Body)> AskAsync(HttpClient http, string text, string zone = Zone)
    {
        var response = await http.PostAsJsonAsync("/api/chat", new JsonObject
        {
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = text }),
            ["timeZone"] = zone,
        });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (response, body);
    }

    /// <summary>A day comfortably in the future, so "next week" scripts never cross today.</summary>
    public static DateOnly Day(int daysFromToday) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysFromToday);

    /// <summary>Local wall-clock text as the model writes it to the tools.</summary>
    public static string WallClock(DateOnly day, int hour, int minute = 0) =>
        day.ToDateTime(new TimeOnly(hour, minute)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The UTC instant of a Berlin wall-clock time, as the API returns it.</summary>
    public static DateTimeOffset BerlinInstant(DateOnly day, int hour, int minute = 0)
    {
        var local = LocalDateTime.FromDateTime(day.ToDateTime(new TimeOnly(hour, minute)));
        return local.InZoneLeniently(BerlinZone).ToInstant().ToDateTimeOffset();
    }

    public static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Creates an event through the HTTP API, as another tab would, and returns its id.</summary>
    public static async Task<string> CreateEventAsync(HttpClient http, string title, DateTimeOffset start, DateTimeOffset end)
    {
        using var response = await http.PostAsJsonAsync("/api/events", new JsonObject
        {
            ["title"] = title,
            ["start"] = Iso(start),
            ["end"] = Iso(end),
            ["timeZone"] = Zone,
        });
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    public static async Task<JsonArray> ListAsync(HttpClient http, DateOnly from, DateOnly to)
    {
        var url = $"/api/events?from={Iso(new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))}&to={Iso(new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))}";
        var body = await http.GetFromJsonAsync<JsonObject>(url);
        return body!["events"]!.AsArray();
    }
}
