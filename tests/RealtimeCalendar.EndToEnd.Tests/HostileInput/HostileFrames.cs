using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace RealtimeCalendar.EndToEnd.Tests.HostileInput;

/// <summary>
/// Generators of hostile socket messages. None of them is a ping, so every one must be answered by exactly one
/// error frame. Text frames stay valid UTF-8 (RFC 6455 requires a server to fail the connection otherwise);
/// invalid UTF-8 travels in binary frames.
/// </summary>
internal static class HostileFrames
{
    private static readonly JsonNode?[] NonStringActions = [42, true, null, new JsonArray("ping"), new JsonObject { ["ping"] = 1 }, -0.0];

    private static readonly string[] Actions = ["PING", "ping ", " ping", "ping\0", "pong", "", "$connect", "$disconnect", "$default", "subscribe", "event.changed", "sendmessage"];

    public static readonly Gen<HostileFrame> Any = Gen.Frequency(
        (1, Gen.OneOf("$connect", "$disconnect", "$default").Select(action => Text("reserved route key as action", $"{{\"action\":\"{action}\"}}"))),
        (3, Gen.OneOf([.. Actions, .. HostileStrings.Injection]).Select(action => Text("unknown action", new JsonObject { ["action"] = action }.ToJsonString()))),
        (2, Gen.OneOf(NonStringActions).Select(action => Text("action of the wrong type", new JsonObject { ["action"] = action?.DeepClone() }.ToJsonString()))),
        // Up to one 32 KB frame (each frame here is sent whole): a larger one API Gateway closes with 1009 (Limits/WebSocketSizeTests).
        (2, Gen.Int[1_000, 32_000].Select(size => Text("huge action", new JsonObject { ["action"] = new string('p', size) }.ToJsonString()))),
        (2, Gen.OneOf(HostileStrings.Injection).Select(field => Text("no action", new JsonObject { [field] = "ping" }.ToJsonString()))),
        (2, Gen.Select(Gen.Int[5, 5_000], Gen.Bool, (depth, withAction) => withAction
            ? Text("deep JSON beside an action", $"{{\"action\":\"dance\",\"n\":{HostileStrings.Deep(depth)}}}")
            : Text("deep JSON", HostileStrings.DeepObject(depth)))),
        (2, Gen.OneOf("[]", "[\"ping\"]", "\"ping\"", "42", "null", "true").Select(text => Text("not an object", text))),
        (3, Gen.Select(Gen.OneOf("{\"action\":\"ping\"}", "{\"action\":\"dance\",\"x\":[1,2]}"), Gen.Int[1, 15], (frame, cut) =>
            Text("truncated JSON", frame[..Math.Min(cut, frame.Length - 1)]))),
        (2, Gen.String[Gen.Char.AlphaNumeric, 1, 200].Select(text => Text("not JSON", "x" + text))),
        (1, Gen.OneOf("", " ", "\n\t").Select(text => Text("empty", text))),
        (3, Gen.Select(Gen.OneOf(HostileStrings.InvalidUtf8), Gen.Int[0, 17], (bad, at) =>
        {
            var bytes = Encoding.UTF8.GetBytes("{\"action\":\"ping\"}");
            return new HostileFrame("invalid UTF-8 in a binary frame", [.. bytes[..at], .. bad, .. bytes[at..]], WebSocketMessageType.Binary);
        })),
        (1, Gen.Const(new HostileFrame("ping as a binary frame", Encoding.UTF8.GetBytes("{\"action\":\"ping\"}"), WebSocketMessageType.Binary))),
        (1, Gen.Byte.Array[1, 2_000].Select(bytes => new HostileFrame("random bytes in a binary frame", bytes, WebSocketMessageType.Binary))));

    private static HostileFrame Text(string defect, string text) => new(defect, Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);
}
