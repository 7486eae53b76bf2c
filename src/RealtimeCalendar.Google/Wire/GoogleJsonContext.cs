using System.Text.Json.Serialization;

namespace RealtimeCalendar.Google.Wire;

/// <summary>Source-generated System.Text.Json metadata for every Calendar v3 shape this client sends or reads.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GoogleEventJson))]
[JsonSerializable(typeof(GoogleEventListJson))]
[JsonSerializable(typeof(GoogleChannelJson))]
[JsonSerializable(typeof(GoogleErrorJson))]
public sealed partial class GoogleJsonContext : JsonSerializerContext;
