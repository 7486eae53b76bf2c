using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Aws.Events;

/// <summary>
/// Where a range listing stopped: which of its two index queries, and the index key of the last event read there
/// (DynamoDB's LastEvaluatedKey without the user id, which always comes from the verified caller). Written as
/// base64url of <c>1|phase|start|eventId</c>; reading checks every part, and that the start lies inside the part of the
/// index the range reads, so an altered token is refused before DynamoDB sees it.
/// </summary>
internal sealed record EventPageToken(char Phase, string? Start, string? EventId)
{
    public const char LongEvents = 'L';
    public const char Window = 'W';
    private const string Version = "1";

    /// <summary>The first page: the long events come first.</summary>
    public static EventPageToken First { get; } = new(LongEvents, null, null);

    /// <summary>The window query from its beginning, once the long events are all read.</summary>
    public static EventPageToken WindowStart { get; } = new(Window, null, null);

    public EventPageToken After(Dictionary<string, AttributeValue> lastEvaluatedKey) => this with
    {
        Start = lastEvaluatedKey[Phase == LongEvents ? EventItem.LongStart : EventItem.Start].S,
        EventId = lastEvaluatedKey[EventItem.EventId].S,
    };

    /// <summary>The ExclusiveStartKey of the index this position reads, or null at the beginning of it.</summary>
    public Dictionary<string, AttributeValue>? StartKey(string userId) => Start is null || EventId is null ? null : new()
    {
        [EventItem.UserId] = new() { S = userId },
        [EventItem.EventId] = new() { S = EventId },
        [Phase == LongEvents ? EventItem.LongStart : EventItem.Start] = new() { S = Start },
    };

    public string Write() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Version}|{Phase}|{Start}|{EventId}"));

    /// <summary>Reads a token handed out for a range whose window query spans <paramref name="windowStart"/>..<paramref name="lastStart"/>.</summary>
    /// <exception cref="InvalidPageTokenException">Any part is missing, malformed, or outside that range.</exception>
    public static EventPageToken Read(string token, string windowStart, string lastStart)
    {
        string text;
        try
        {
            text = token.Length <= 200 ? Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)) : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new InvalidPageTokenException("The token is not base64url.");
        }

        var parts = text.Split('|');
        if (parts.Length != 4 || parts[0] != Version || parts[1] is not [LongEvents or Window])
            throw new InvalidPageTokenException("The token is not of this version or phase.");
        var phase = parts[1][0];
        if (parts[2].Length == 0 && parts[3].Length == 0)
            return new EventPageToken(phase, null, null);

        var start = parts[2];
        var isInstant = DateTimeOffset.TryParseExact(
            start, EventItem.InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);
        var inRange = phase == LongEvents
            ? string.CompareOrdinal(start, windowStart) < 0
            : string.CompareOrdinal(start, windowStart) >= 0 && string.CompareOrdinal(start, lastStart) <= 0;
        if (!isInstant || !inRange || !EventIds.IsWellFormedOrInstance(parts[3]))
            throw new InvalidPageTokenException("The token's position is malformed or outside this range.");
        return new EventPageToken(phase, start, parts[3]);
    }
}
