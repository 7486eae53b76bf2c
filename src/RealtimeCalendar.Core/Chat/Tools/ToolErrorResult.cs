using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Chat.Tools;

/// <summary>Why a tool call was not carried out (nothing was changed), in words the model can act on.</summary>
public sealed record ToolErrorResult(string Error, IReadOnlyList<ValidationError>? Fields = null);
