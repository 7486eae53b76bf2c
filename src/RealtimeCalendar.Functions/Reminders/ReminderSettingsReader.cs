using System.Text.Json;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.Functions.Http;

namespace RealtimeCalendar.Functions.Reminders;

/// <summary>Reads the body of <c>PUT /api/settings/reminders</c>: <c>{"defaultReminders":[{"method":"popup","minutes":10}]}</c>, strictly.</summary>
public static class ReminderSettingsReader
{
    /// <summary>Five entries are a few hundred bytes; anything near this is not a settings body.</summary>
    public const int MaxBodyBytes = 4 * 1024;
    private const int MaxDepth = 3;

    private static readonly string[] KnownFields = ["defaultReminders"];

    public static (ReminderSettings? Settings, ProblemDetails? Problem) Read(string? body, bool isBase64Encoded)
    {
        var (document, problem) = JsonRequestBody.Parse(body, isBase64Encoded, MaxBodyBytes, MaxDepth);
        if (document is null)
            return (null, problem);

        using (document)
        {
            var root = document.RootElement;
            var errors = new List<ProblemField>();
            JsonRequestBody.CheckFieldNames(root, KnownFields, errors);
            List<ReminderOverride>? defaults = null;
            if (!root.TryGetProperty("defaultReminders", out var list) || list.ValueKind == JsonValueKind.Null)
                errors.Add(new("defaultReminders", """Required: the default reminders, such as [{"method":"popup","minutes":10}], or [] for none."""));
            else
                defaults = ReminderJson.ReadEntries(list, "defaultReminders", errors);

            return errors.Count > 0
                ? (null, new ProblemDetails(ProblemTypes.Validation, "The request is not valid.", 400, "See 'errors' for each rejected field.", errors))
                : (new ReminderSettings(defaults!), null);
        }
    }
}
