using System.Text.Json.Serialization;
using RealtimeCalendar.Core.Chat;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Functions.Chat;

/// <summary>One event a chat answer changed; <c>op</c> is <c>created</c>, <c>updated</c> or <c>deleted</c>.</summary>
public sealed record ChatReplyChange(
    string Op,
    string EventId,
    string Title,
    [property: JsonConverter(typeof(UtcInstantJsonConverter))] DateTimeOffset Start,
    bool AllDay,
    long Version)
{
    public static ChatReplyChange From(ChatChange change) => new(
        change.Kind switch { ChatChangeKind.Created => "created", ChatChangeKind.Updated => "updated", _ => "deleted" },
        change.EventId,
        change.Title,
        change.Start,
        change.AllDay,
        change.Version);
}
