namespace RealtimeCalendar.Core.Chat.Tools;

/// <summary>
/// The arguments of <c>list_events</c> as the model writes them. Fields of every tool's arguments are optional in
/// the type so that a missing one becomes a validation message to the model, not a parse failure without a hint.
/// </summary>
public sealed record ListEventsArguments(string? From, string? To);
