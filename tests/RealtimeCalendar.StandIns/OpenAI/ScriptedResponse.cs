using System.Text.Json.Nodes;

namespace RealtimeCalendar.StandIns.OpenAI;

/// <summary>An HTTP answer of the model server, optionally after a delay.</summary>
public sealed record ScriptedResponse(int Status, string Json, TimeSpan Delay = default, string? RetryAfter = null)
{
    /// <summary>An error in OpenAI's shape: <c>{"error":{"message","type","param","code"}}</c>.</summary>
    public static ScriptedResponse Error(int status, string message, string type, string? retryAfter = null) =>
        new(status, new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = null },
        }.ToJsonString(), RetryAfter: retryAfter);
}
