using System.Text.Json.Serialization;

namespace RealtimeCalendar.Core.Realtime;

/// <summary>Source-generated JSON for everything sent down a socket (AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChangeMessage))]
[JsonSerializable(typeof(ServerFrame))]
public sealed partial class RealtimeJsonContext : JsonSerializerContext;
