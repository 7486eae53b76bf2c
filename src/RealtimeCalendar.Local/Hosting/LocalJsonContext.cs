using System.Text.Json.Serialization;

namespace RealtimeCalendar.Local.Hosting;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ClientConfig))]
internal sealed partial class LocalJsonContext : JsonSerializerContext;
