using System.Globalization;
using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Aws.Events;

/// <summary>
/// How a <see cref="CalendarEvent"/> is laid out as an Events item. Instants are stored as fixed-width UTC
/// strings so that string order is time order, which is what the range indexes sort by.
/// </summary>
public static class EventItem
{
    public const string UserId = "userId";
    public const string EventId = "eventId";
    public const string Title = "title";
    public const string Start = "start";
    public const string End = "end";
    public const string AllDay = "allDay";
    public const string TimeZone = "timeZone";
    public const string Description = "description";
    public const string Location = "location";
    public const string Version = "version";
    public const string UpdatedAt = "updatedAt";
    public const string Source = "source";

    /// <summary>Google's <c>eventType</c> (<see cref="EventTypes"/>); absent means <see cref="EventTypes.Default"/>.</summary>
    public const string EventType = "eventType";

    /// <summary>
    /// True on a tombstone: what a delete leaves (key, <see cref="Version"/> and this flag only), so a later re-creation
    /// under the same id continues above the deleted version. Tombstones have no <see cref="Start"/>, so no range index
    /// holds them. They never expire: a TTL would bring back version 1 after it, and tabs may hold the delete for hours.
    /// </summary>
    public const string Deleted = "deleted";

    /// <summary>Optional Google link (<see cref="GoogleEventLink"/>): all three are present or none.</summary>
    public const string GoogleEventId = "googleEventId";
    public const string GoogleEtag = "googleEtag";
    public const string GoogleUpdated = "googleUpdated";

    /// <summary>
    /// The minutes of the e-mail reminders the linked Google version holds (<see cref="GoogleEventLink.EmailReminderMinutes"/>),
    /// a list of numbers; absent when it holds none.
    /// </summary>
    public const string GoogleEmailReminders = "googleEmailReminders";

    /// <summary>Set only on events longer than <see cref="LongEventThreshold"/>, making <see cref="ByLongStartIndex"/> sparse.</summary>
    public const string LongStart = "longStart";

    public const string ByStartIndex = "byStart";
    public const string ByLongStartIndex = "byLongStart";

    /// <summary>
    /// A series keeps its first occurrence under these instead of <see cref="Start"/>/<see cref="End"/>, so neither
    /// start index holds it: a range read finds series through <see cref="BySeriesSpanIndex"/> and expands them.
    /// </summary>
    public const string SeriesStart = "seriesStart";
    public const string SeriesEnd = "seriesEnd";

    /// <summary>The series' RFC 5545 lines (a list of strings) and the ids of its stored overrides.</summary>
    public const string Recurrence = "recurrence";
    public const string OverrideIds = "overrideIds";

    /// <summary>The owner, set on series only: the partition key of the sparse <see cref="BySeriesSpanIndex"/>.</summary>
    public const string SeriesOwner = "seriesOwner";

    /// <summary>End of the series' last occurrence, or <see cref="OpenEnded"/>: the sort key of <see cref="BySeriesSpanIndex"/>.</summary>
    public const string SpanEnd = "spanEnd";

    /// <summary>
    /// Global (not local) because a local index can only be declared when a table is created, and the deployed table
    /// already exists; it is read eventually consistent, so a series written a moment ago may be missing from a listing
    /// that its own push then reloads.
    /// </summary>
    public const string BySeriesSpanIndex = "bySeriesSpan";

    /// <summary>The <see cref="SpanEnd"/> of a series that repeats forever: after every fixed-width instant.</summary>
    public const string OpenEnded = "9999-12-31T23:59:59.999Z";

    /// <summary>On an override: its series' id and the start the rule gave it (Google's recurringEventId, originalStartTime).</summary>
    public const string RecurringEventId = "recurringEventId";
    public const string OriginalStartTime = "originalStartTime";

    /// <summary>Every attribute an event item may lack; a replacement removes those its new state does not have.</summary>
    internal static readonly string[] Optional =
    [
        Start, End, Description, Location, LongStart, EventType, SeriesStart, SeriesEnd, Recurrence, OverrideIds,
        SeriesOwner, SpanEnd, RecurringEventId, OriginalStartTime,
    ];

    /// <summary>
    /// A range query reads <see cref="ByStartIndex"/> from this far before the range, so only longer events
    /// (few, and indexed separately) can overlap the range while starting before that window.
    /// </summary>
    public static readonly TimeSpan LongEventThreshold = TimeSpan.FromDays(7);

    internal const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static Dictionary<string, AttributeValue> ToItem(CalendarEvent e)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [UserId] = new() { S = e.UserId },
            [EventId] = new() { S = e.EventId },
            [Title] = new() { S = e.Title },
            [e.IsSeries ? SeriesStart : Start] = new() { S = FormatInstant(e.Start) },
            [e.IsSeries ? SeriesEnd : End] = new() { S = FormatInstant(e.End) },
            [AllDay] = new() { BOOL = e.AllDay },
            [TimeZone] = new() { S = e.TimeZone },
            [Version] = new() { N = e.Version.ToString(CultureInfo.InvariantCulture) },
            [UpdatedAt] = new() { S = FormatInstant(e.UpdatedAt) },
            [Source] = new() { S = e.Source },
        };
        // DynamoDB rejects empty strings in index keys and they carry no meaning here: absent means none.
        if (!string.IsNullOrEmpty(e.Description))
            item[Description] = new() { S = e.Description };
        if (!string.IsNullOrEmpty(e.Location))
            item[Location] = new() { S = e.Location };
        if (e.EventType != EventTypes.Default)
            item[EventType] = new() { S = e.EventType };
        if (e.End - e.Start > LongEventThreshold && !e.IsSeries)
            item[LongStart] = new() { S = FormatInstant(e.Start) };
        if (e.Recurrence is { } recurrence)
        {
            item[Recurrence] = new() { L = [.. recurrence.Select(line => new AttributeValue { S = line })] };
            item[SeriesOwner] = new() { S = e.UserId };
            item[SpanEnd] = new() { S = e.LastOccurrenceEnd is { } last ? FormatInstant(last) : OpenEnded };
            if (e.OverrideIds is { Count: > 0 } ids)
                item[OverrideIds] = new() { L = [.. ids.Select(id => new AttributeValue { S = id })] };
        }

        if (e.RecurringEventId is { } seriesId)
            item[RecurringEventId] = new() { S = seriesId };
        if (e.OriginalStartTime is { } original)
            item[OriginalStartTime] = new() { S = FormatInstant(original) };
        if (e.GoogleLink is { } link)
        {
            foreach (var (name, value) in GoogleLinkAttributes(link))
                item[name] = value;
        }

        return item;
    }

    /// <summary>The attributes that store a Google link; <see cref="GoogleEmailReminders"/> only when it has e-mail reminders.</summary>
    public static Dictionary<string, AttributeValue> GoogleLinkAttributes(GoogleEventLink link)
    {
        var attributes = new Dictionary<string, AttributeValue>
        {
            [GoogleEventId] = new() { S = link.EventId },
            // An etag is never empty on Google, but an empty one must still round-trip as "no etag seen".
            [GoogleEtag] = new() { S = link.Etag },
            [GoogleUpdated] = new() { S = FormatInstant(link.Updated) },
        };
        if (link.EmailReminderMinutes is { Count: > 0 } emails)
            attributes[GoogleEmailReminders] = new() { L = [.. emails.Select(m => new AttributeValue { N = m.ToString(CultureInfo.InvariantCulture) })] };
        return attributes;
    }

    /// <summary>The tombstone of an event deleted at <paramref name="version"/>.</summary>
    public static Dictionary<string, AttributeValue> ToTombstone(string userId, string eventId, long version) => new()
    {
        [UserId] = new() { S = userId },
        [EventId] = new() { S = eventId },
        [Version] = new() { N = version.ToString(CultureInfo.InvariantCulture) },
        [Deleted] = new() { BOOL = true },
    };

    public static bool IsTombstone(IReadOnlyDictionary<string, AttributeValue> item) =>
        item.TryGetValue(Deleted, out var deleted) && deleted.BOOL == true;

    /// <summary>The version of any event item, live or tombstone.</summary>
    public static long ReadVersion(IReadOnlyDictionary<string, AttributeValue> item) =>
        long.Parse(Require(item, Version).N ?? throw Missing(Version), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>Reads a live item back; throws <see cref="FormatException"/> when it is not one (tombstones included).</summary>
    public static CalendarEvent FromItem(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var recurrence = item.TryGetValue(Recurrence, out var lines) ? lines.L?.Select(l => l.S ?? throw Missing(Recurrence)).ToList() : null;
        var isSeries = recurrence is not null;
        var spanEnd = OptionalString(item, SpanEnd);
        return ReadCommon(item, isSeries) with
        {
            Recurrence = recurrence,
            OverrideIds = isSeries ? item.TryGetValue(OverrideIds, out var ids) ? ids.L?.Select(l => l.S ?? throw Missing(OverrideIds)).ToList() ?? [] : [] : null,
            LastOccurrenceEnd = spanEnd is null or OpenEnded ? null : ParseInstant(spanEnd),
            RecurringEventId = OptionalString(item, RecurringEventId),
            OriginalStartTime = OptionalString(item, OriginalStartTime) is { } original ? ParseInstant(original) : null,
        };
    }

    private static CalendarEvent ReadCommon(IReadOnlyDictionary<string, AttributeValue> item, bool isSeries) => new(
        RequireString(item, UserId),
        RequireString(item, EventId),
        RequireString(item, Title),
        ParseInstant(RequireString(item, isSeries ? SeriesStart : Start)),
        ParseInstant(RequireString(item, isSeries ? SeriesEnd : End)),
        item.TryGetValue(AllDay, out var allDay) && allDay.BOOL == true,
        RequireString(item, TimeZone),
        OptionalString(item, Description),
        OptionalString(item, Location),
        ReadVersion(item),
        ParseInstant(RequireString(item, UpdatedAt)),
        RequireString(item, Source),
        OptionalString(item, GoogleEventId) is { } googleEventId
            ? new GoogleEventLink(
                googleEventId,
                OptionalString(item, GoogleEtag) ?? string.Empty,
                ParseInstant(RequireString(item, GoogleUpdated)),
                item.TryGetValue(GoogleEmailReminders, out var emails) && emails.L is { Count: > 0 } minutes
                    ? [.. minutes.Select(m => int.Parse(m.N ?? throw Missing(GoogleEmailReminders), NumberStyles.Integer, CultureInfo.InvariantCulture))]
                    : null)
            : null,
        OptionalString(item, EventType) ?? EventTypes.Default);

    /// <summary>The primary key of one event.</summary>
    public static Dictionary<string, AttributeValue> Key(string userId, string eventId) => new()
    {
        [UserId] = new() { S = userId },
        [EventId] = new() { S = eventId },
    };

    private static DateTimeOffset ParseInstant(string value) =>
        DateTimeOffset.ParseExact(value, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static AttributeValue Require(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value : throw Missing(name);

    private static string RequireString(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        Require(item, name).S ?? throw Missing(name);

    private static string? OptionalString(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    private static FormatException Missing(string name) => new($"Event item has no usable '{name}' attribute.");
}
