using System.Globalization;
using System.Text.Json;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Functions.Http;
using RealtimeCalendar.Functions.Reminders;

namespace RealtimeCalendar.Functions.CalendarApi;

/// <summary>
/// Reads an event body strictly: a JSON object whose known fields have the right JSON types and whose
/// unknown fields are refused, so a typo never silently drops data. Semantic rules stay in Core's validator.
/// <c>reminders</c> (Google's shape) nests four levels deep (body, reminders, overrides, entry): the depth limit.
/// </summary>
public static class EventDraftReader
{
    public const int MaxBodyBytes = 64 * 1024;
    private const int MaxDepth = 4;

    private static readonly string[] KnownFields = ["title", "start", "end", "allDay", "timeZone", "description", "location", "recurrence", "reminders"];

    public static EventDraftReadResult Read(string? body, bool isBase64Encoded)
    {
        var (document, problem) = JsonRequestBody.Parse(body, isBase64Encoded, MaxBodyBytes, MaxDepth);
        if (document is null)
            return new EventDraftReadResult(null, problem);

        using (document)
        {
            var root = document.RootElement;
            var errors = new List<ProblemField>();
            JsonRequestBody.CheckFieldNames(root, KnownFields, errors);

            var title = ReadString(root, "title", errors);
            var start = ReadInstant(root, "start", errors);
            var end = ReadInstant(root, "end", errors);
            var allDay = ReadBoolean(root, "allDay", errors);
            var timeZone = ReadString(root, "timeZone", errors);
            var description = ReadString(root, "description", errors);
            var location = ReadString(root, "location", errors);
            var recurrence = ReadLines(root, "recurrence", errors);
            var reminders = ReminderJson.ReadEventReminders(root, "reminders", errors);

            return errors.Count > 0
                ? EventDraftReadResult.WrongShape(errors)
                : EventDraftReadResult.Read(new EventDraft(title, start, end, allDay, timeZone, description, location, recurrence, reminders));
        }
    }

    /// <summary>Parses an ISO-8601 instant that states its offset (<c>Z</c> or <c>±hh:mm</c>); local times are ambiguous.</summary>
    public static DateTimeOffset? ParseInstant(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 40 || text.Length < 11)
            return null;

        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || text[^6] is '+' or '-' && text[^3] == ':';
        if (!hasOffset || text[10] is not ('T' or 't'))
            return null;

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant.ToUniversalTime()
            : null;
    }

    private static string? ReadString(JsonElement root, string name, List<ProblemField> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.String)
            return value.GetString();
        errors.Add(new(name, "Must be a string."));
        return null;
    }

    // Google Calendar API v3's recurrence: an array of RFC 5545 lines; what they say is Core's to check.
    private static List<string?>? ReadLines(JsonElement root, string name, List<ProblemField> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(name, "Must be an array of RFC 5545 lines such as [\"RRULE:FREQ=WEEKLY;BYDAY=MO\"]."));
            return null;
        }

        var lines = new List<string?>();
        var index = 0;
        foreach (var line in value.EnumerateArray())
        {
            if (line.ValueKind == JsonValueKind.String)
                lines.Add(line.GetString());
            else
                errors.Add(new($"{name}[{index}]", "Must be a string."));
            index++;
        }

        return lines;
    }

    private static bool ReadBoolean(JsonElement root, string name, List<ProblemField> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return false;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return value.GetBoolean();
        errors.Add(new(name, "Must be true or false."));
        return false;
    }

    private static DateTimeOffset? ReadInstant(JsonElement root, string name, List<ProblemField> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new(name, "Must be an ISO-8601 instant string such as '2026-11-25T10:00:00Z'."));
            return null;
        }

        var instant = ParseInstant(value.GetString());
        if (instant is null)
            errors.Add(new(name, "Must be an ISO-8601 instant with an offset, such as '2026-11-25T10:00:00Z'."));
        return instant;
    }
}
