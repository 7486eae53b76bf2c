using System.Text.Json;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.Functions.Http;

namespace RealtimeCalendar.Functions.Reminders;

/// <summary>
/// Reads reminders in Google Calendar API v3's JSON strictly: the right JSON types, no unknown or repeated fields, each
/// problem named by its path (<c>reminders.overrides[1].minutes</c>). What the values may be is Core's to check
/// (<see cref="ReminderValidator"/>).
/// </summary>
public static class ReminderJson
{
    private static readonly string[] RemindersFields = ["useDefault", "overrides"];
    private static readonly string[] EntryFields = ["method", "minutes"];

    /// <summary>An event's <c>reminders</c>: null when absent or JSON null (the defaults apply).</summary>
    public static EventReminders? ReadEventReminders(JsonElement root, string name, List<ProblemField> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new(name, """Must be an object such as {"useDefault":false,"overrides":[{"method":"popup","minutes":10}]}."""));
            return null;
        }

        JsonRequestBody.CheckFieldNames(value, RemindersFields, errors, name + ".");
        // As in Google Calendar: an object without useDefault gives the event its own reminders (none, if no overrides).
        var useDefault = false;
        if (value.TryGetProperty("useDefault", out var flag) && flag.ValueKind != JsonValueKind.Null)
        {
            if (flag.ValueKind is JsonValueKind.True or JsonValueKind.False)
                useDefault = flag.GetBoolean();
            else
                errors.Add(new(name + ".useDefault", "Must be true or false."));
        }

        List<ReminderOverride>? overrides = null;
        if (value.TryGetProperty("overrides", out var list) && list.ValueKind != JsonValueKind.Null)
            overrides = ReadEntries(list, name + ".overrides", errors);
        return new EventReminders(useDefault, overrides ?? []);
    }

    /// <summary>An array of <c>{"method":"popup","minutes":N}</c> at <paramref name="path"/>; null when it is not an array.</summary>
    public static List<ReminderOverride>? ReadEntries(JsonElement value, string path, List<ProblemField> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(path, """Must be an array such as [{"method":"popup","minutes":10}]."""));
            return null;
        }

        var entries = new List<ReminderOverride>();
        var index = 0;
        foreach (var entry in value.EnumerateArray())
        {
            var at = $"{path}[{index++}]";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(at, """Must be an object such as {"method":"popup","minutes":10}."""));
                continue;
            }

            JsonRequestBody.CheckFieldNames(entry, EntryFields, errors, at + ".");
            string? method = null;
            if (entry.TryGetProperty("method", out var methodValue) && methodValue.ValueKind != JsonValueKind.Null)
            {
                if (methodValue.ValueKind == JsonValueKind.String)
                    method = methodValue.GetString();
                else
                    errors.Add(new(at + ".method", $"Must be the string '{ReminderLimits.Popup}'."));
            }

            if (!entry.TryGetProperty("minutes", out var minutesValue) || minutesValue.ValueKind == JsonValueKind.Null)
                errors.Add(new(at + ".minutes", "Minutes before the start are required."));
            else if (minutesValue.ValueKind != JsonValueKind.Number || !minutesValue.TryGetInt32(out var minutes))
                errors.Add(new(at + ".minutes", $"Must be a whole number of minutes from 0 to {ReminderLimits.MaxMinutes}."));
            else
                entries.Add(new ReminderOverride(method, minutes));
        }

        return entries;
    }
}
