using System.Text.Json.Nodes;

namespace RealtimeCalendar.StandIns.OpenAI;

/// <summary>One request as the model server received it.</summary>
public sealed record RecordedCompletionRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body, DateTimeOffset At)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public JsonArray Messages => Json["messages"]!.AsArray();
}
