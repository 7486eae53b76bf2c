using System.Text.Json.Serialization;

namespace RealtimeCalendar.Core.Chat.Tools;

/// <summary>
/// Source-generated JSON for tool arguments and results (Native AOT). Unknown argument fields are ignored: models
/// sometimes add one, and refusing the whole call for it would only cost another round.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = true,
    MaxDepth = 16)]
[JsonSerializable(typeof(ListEventsArguments))]
[JsonSerializable(typeof(CreateEventArguments))]
[JsonSerializable(typeof(UpdateEventArguments))]
[JsonSerializable(typeof(DeleteEventArguments))]
[JsonSerializable(typeof(ListEventsResult))]
[JsonSerializable(typeof(EventWrittenResult))]
[JsonSerializable(typeof(ToolErrorResult))]
internal sealed partial class ChatToolsJsonContext : JsonSerializerContext;
