using System.Text.Json.Nodes;

namespace RealtimeCalendar.StandIns.OpenAI;

/// <summary>The replies a test scripts, written as a real model would send them over the wire.</summary>
public static class ModelSteps
{
    public static ModelStep Say(string text) => (_, sequence) => Completion(sequence, new JsonObject { ["role"] = "assistant", ["content"] = text, ["refusal"] = null }, "stop");

    /// <summary>Answers with text computed from the request, e.g. from the last tool result.</summary>
    public static ModelStep Say(Func<JsonObject, string> text) => (request, sequence) => Say(text(request))(request, sequence);

    public static ModelStep Call(string tool, string argumentsJson) => Call(tool, _ => argumentsJson);

    /// <summary>Asks for one tool call whose arguments are computed from the request (e.g. an id from a list result).</summary>
    public static ModelStep Call(string tool, Func<JsonObject, string> arguments) => (request, sequence) => Completion(
        sequence,
        new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = null,
            ["refusal"] = null,
            ["tool_calls"] = new JsonArray(new JsonObject
            {
                ["id"] = $"call_{sequence}",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = tool, ["arguments"] = arguments(request) },
            }),
        },
        "tool_calls");

    /// <summary>A refusal as Chat Completions sends it: <c>content: null</c>, the refusal text in <c>refusal</c>, finish <c>stop</c>.</summary>
    public static ModelStep Refuse(string refusal) =>
        (_, sequence) => Completion(sequence, new JsonObject { ["role"] = "assistant", ["content"] = null, ["refusal"] = refusal }, "stop");

    /// <summary>An answer withheld by the content filter: <c>finish_reason: content_filter</c>, no content.</summary>
    public static ModelStep Filtered() =>
        (_, sequence) => Completion(sequence, new JsonObject { ["role"] = "assistant", ["content"] = null, ["refusal"] = null }, "content_filter");

    /// <summary>A completion with empty text and nothing else, which models do send now and then.</summary>
    public static ModelStep SayNothing() =>
        (_, sequence) => Completion(sequence, new JsonObject { ["role"] = "assistant", ["content"] = string.Empty, ["refusal"] = null }, "stop");

    /// <summary>Parallel tool calls: several calls in one assistant message, no text, finish <c>tool_calls</c>.</summary>
    public static ModelStep CallAll(params (string Tool, string ArgumentsJson)[] calls) => (request, sequence) => Completion(
        sequence,
        new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = null,
            ["refusal"] = null,
            ["tool_calls"] = new JsonArray([.. calls.Select((call, index) => (JsonNode)new JsonObject
            {
                ["id"] = $"call_{sequence}_{index}",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = call.Tool, ["arguments"] = call.ArgumentsJson },
            })]),
        },
        "tool_calls");

    public static ModelStep Fail(int status, string? retryAfter = null) =>
        (_, _) => ScriptedResponse.Error(status, status == 429 ? "Rate limit reached for requests." : "The server had an error.", status == 429 ? "requests" : "server_error", retryAfter);

    public static ModelStep Slow(TimeSpan delay, ModelStep then) => (request, sequence) => then(request, sequence) with { Delay = delay };

    /// <summary>The JSON the assistant answered the model's most recent tool call with.</summary>
    public static JsonObject LastToolResult(JsonObject request) =>
        JsonNode.Parse((string)request["messages"]!.AsArray().Last(m => (string?)m!["role"] == "tool")!["content"]!)!.AsObject();

    /// <summary>The id of the event titled <paramref name="title"/> in the last <c>list_events</c> result.</summary>
    public static string ListedId(JsonObject request, string title) =>
        (string)LastToolResult(request)["events"]!.AsArray().Single(e => (string?)e!["title"] == title)!["id"]!;

    private static ScriptedResponse Completion(int sequence, JsonObject message, string finishReason) =>
        new(200, new JsonObject
        {
            ["id"] = $"chatcmpl-test{sequence}",
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = "gpt-4o-mini-2024-07-18",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = message,
                ["logprobs"] = null,
                ["finish_reason"] = finishReason,
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 120, ["completion_tokens"] = 20, ["total_tokens"] = 140 },
            ["system_fingerprint"] = "fp_test",
        }.ToJsonString());
}
