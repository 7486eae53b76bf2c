using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace RealtimeCalendar.EndToEnd.Tests.HttpApi;

/// <summary>Request bodies as raw JSON text, so tests can send exactly what a careless or hostile client would.</summary>
internal static class EventJson
{
    public static JsonObject Valid(string title = "Lunch with Sam", int dayOffset = 0) => new()
    {
        ["title"] = title,
        ["start"] = $"2026-12-{1 + dayOffset:00}T12:00:00Z",
        ["end"] = $"2026-12-{1 + dayOffset:00}T13:00:00Z",
        ["allDay"] = false,
        ["timeZone"] = "Europe/Berlin",
        ["location"] = "Café Blau",
    };

    public static StringContent Content(JsonNode body) => Content(body.ToJsonString());

    public static StringContent Content(string raw) => new(raw, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
