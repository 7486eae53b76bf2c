using System.Text.Json.Serialization;

namespace RealtimeCalendar.Lambda.Runtime;

/// <summary>Source-generated JSON for the bodies the runtime itself sends to the Runtime API.</summary>
[JsonSerializable(typeof(RuntimeErrorReport))]
public sealed partial class RuntimeApiJsonContext : JsonSerializerContext;
