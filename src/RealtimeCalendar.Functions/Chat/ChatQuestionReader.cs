using System.Text.Json;
using RealtimeCalendar.Core.Chat;
using RealtimeCalendar.Functions.Http;

namespace RealtimeCalendar.Functions.Chat;

/// <summary>
/// Reads a chat request body strictly: <c>{"messages":[{"role":"user"|"assistant","content":"…"}],"timeZone":"…"}</c>
/// with nothing else. Limits on counts and lengths are the assistant's to check.
/// </summary>
public static class ChatQuestionReader
{
    public const int MaxBodyBytes = 64 * 1024;
    private const int MaxDepth = 4;

    private static readonly string[] KnownFields = ["messages", "timeZone"];
    private static readonly string[] KnownTurnFields = ["role", "content"];

    public static (ChatQuestion? Question, ProblemDetails? Problem) Read(string? body, bool isBase64Encoded)
    {
        var (document, problem) = JsonRequestBody.Parse(body, isBase64Encoded, MaxBodyBytes, MaxDepth);
        if (document is null)
            return (null, problem);

        using (document)
        {
            var root = document.RootElement;
            var errors = new List<ProblemField>();
            JsonRequestBody.CheckFieldNames(root, KnownFields, errors);

            string? timeZone = null;
            if (root.TryGetProperty("timeZone", out var zone) && zone.ValueKind != JsonValueKind.Null)
            {
                if (zone.ValueKind == JsonValueKind.String)
                    timeZone = zone.GetString();
                else
                    errors.Add(new("timeZone", "Must be a string."));
            }

            var turns = new List<ChatTurn>();
            if (!root.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
                errors.Add(new("messages", "Must be an array of {\"role\",\"content\"} objects."));
            else
                ReadTurns(messages, turns, errors);

            return errors.Count > 0
                ? (null, new ProblemDetails(ProblemTypes.Validation, "The request is not valid.", 400, "See 'errors' for each rejected field.", errors))
                : (new ChatQuestion(turns, timeZone), null);
        }
    }

    private static void ReadTurns(JsonElement messages, List<ChatTurn> turns, List<ProblemField> errors)
    {
        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            var prefix = $"messages[{index++}]";
            if (message.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new(prefix, "Must be an object with 'role' and 'content'."));
                continue;
            }

            JsonRequestBody.CheckFieldNames(message, KnownTurnFields, errors, prefix + ".");
            ChatRole? role = message.TryGetProperty("role", out var roleValue) && roleValue.ValueKind == JsonValueKind.String
                ? roleValue.GetString() switch { "user" => ChatRole.User, "assistant" => ChatRole.Assistant, _ => null }
                : null;
            if (role is null)
                errors.Add(new(prefix + ".role", "Must be \"user\" or \"assistant\"."));

            var content = message.TryGetProperty("content", out var contentValue) && contentValue.ValueKind == JsonValueKind.String
                ? contentValue.GetString()
                : null;
            if (content is null)
                errors.Add(new(prefix + ".content", "Must be a string."));

            if (role is { } knownRole && content is not null)
                turns.Add(new ChatTurn(knownRole, content));
        }
    }
}
