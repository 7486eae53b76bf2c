using System.Text.Json.Nodes;

namespace RealtimeCalendar.StandIns.OpenAI;

/// <summary>One scripted reply of the model: sees the request (to read earlier tool results) and its sequence number.</summary>
public delegate ScriptedResponse ModelStep(JsonObject request, int sequence);
