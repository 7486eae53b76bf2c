namespace RealtimeCalendar.Core.Chat.Tools;

/// <summary>The events in a range, earliest first; <see cref="Truncated"/> says more exist than were listed.</summary>
public sealed record ListEventsResult(IReadOnlyList<ToolEvent> Events, bool Truncated);
