using System.Globalization;
using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Reminders;

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

    /// <summary>
    /// The event's own reminders (Google's <c>reminders.overrides</c>, a list of minutes, possibly empty); absent when
    /// the owner's defaults apply (<c>useDefault: true</c>).
    /// </summary>
    public const string ReminderOverrides = "reminderOverrides";

    /// <summary>
    /// Set only on items with a pending reminder, making <see cref="ByReminderDueIndex"/> sparse: the owner's
    /// <see cref="ReminderShards"/> shard (the index's partition key), the minute the next reminder is due (its sort key)
    /// and the minutes the event reminds at (its own, or its owner's defaults when it was written). Every write of the
    /// event sets them anew; the sweep moves them on without a new version.
    /// </summary>
    public const string RemindShard = "remindShard";
    public const string RemindAt = "remindAt";
    public const string RemindMinutes = "remindMinutes";

    /// <summary>Global, like <see cref="BySeriesSpanIndex"/>: the deployed table exists already, and a local index cannot be added to it.</summary>
    public const string ByReminderDueIndex = "byReminderDue";

    /// <summary>The attributes of the due index: a change to these alone is no change of the event (tabs and Google ignore it).</summary>
    public static IReadOnlySet<string> ReminderIndexAttributes { get; } = new HashSet<string>(StringComparer.Ordinal) { RemindShard, RemindAt, RemindMinutes };

    /// <summary>Every attribute an event item may lack; a replacement removes those its new state does not have.</summary>
    internal static readonly string[] Optional =
    [
        Start, End, Description, Location, LongStart, EventType, SeriesStart, SeriesEnd, Recurrence, OverrideIds,
        SeriesOwner, SpanEnd, RecurringEventId, OriginalStartTime, ReminderOverrides, RemindShard, RemindAt, RemindMinutes,
    ];

    /// <summary>
    /// A range query reads <see cref="ByStartIndex"/> from this far before the range, so only longer events
    /// (few, and indexed separately) can overlap the range while starting before that window.
    /// </summary>
    public static readonly TimeSpan LongEventThreshold = TimeSpan.FromDays(7);

    internal const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string FormatInstant(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    /// <summary>The item of <paramref name="e"/>, in the due index at <paramref name="due"/> when it has a pending reminder.</summary>
    public static Dictionary<string, AttributeValue> ToItem(CalendarEvent e, ReminderDue? due)
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

        if (e.Reminders is { UseDefault: false } own)
            item[ReminderOverrides] = Numbers(own.Minutes);
        if (due is not null)
        {
            foreach (var (name, value) in ReminderIndexValues(e.UserId, due))
                item[name] = value;
        }

        return item;
    }

    /// <summary>The due-index attributes of an item of <paramref name="userId"/> whose next reminder is <paramref name="due"/>.</summary>
    public static Dictionary<string, AttributeValue> ReminderIndexValues(string userId, ReminderDue due) => new()
    {
        [RemindShard] = new() { S = ReminderShards.Of(userId).ToString(CultureInfo.InvariantCulture) },
        [RemindAt] = new() { S = FormatInstant(due.DueAt) },
        [RemindMinutes] = Numbers(due.Minutes),
    };

    /// <summary>What the item carries for the sweep, or null when it is not in the due index.</summary>
    public static ReminderDue? ReadReminderDue(IReadOnlyDictionary<string, AttributeValue> item) =>
        OptionalString(item, RemindAt) is { } dueAt && item.TryGetValue(RemindMinutes, out var minutes)
            ? new ReminderDue(ParseInstant(dueAt), ReadNumbers(minutes, RemindMinutes))
            : null;

    /// <summary>
    /// True when two images of one item differ at most in the due-index attributes: the sweep moved the pending
    /// reminder on, and nothing a tab or Google shows changed.
    /// </summary>
    public static bool DiffersOnlyInReminderIndex(IReadOnlyDictionary<string, AttributeValue> before, IReadOnlyDictionary<string, AttributeValue> after)
    {
        var names = before.Keys.Concat(after.Keys).Where(name => !ReminderIndexAttributes.Contains(name)).ToHashSet(StringComparer.Ordinal);
        return names.All(name => before.TryGetValue(name, out var a) && after.TryGetValue(name, out var b) && SameValue(a, b));
    }

    private static bool SameValue(AttributeValue a, AttributeValue b) =>
        a.S == b.S && a.N == b.N && a.BOOL == b.BOOL
        && (a.L is null ? b.L is null : b.L is not null && a.L.Count == b.L.Count && a.L.Zip(b.L).All(pair => SameValue(pair.First, pair.Second)));

    private static AttributeValue Numbers(IEnumerable<int> values) =>
        new() { L = [.. values.Select(v => new AttributeValue { N = v.ToString(CultureInfo.InvariantCulture) })] };

    private static List<int> ReadNumbers(AttributeValue list, string name) =>
        [.. (list.L ?? throw Missing(name)).Select(v => int.Parse(v.N ?? throw Missing(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))];

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
            attributes[GoogleEmailReminders] = Numbers(emails);
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
            Reminders = item.TryGetValue(ReminderOverrides, out var own) ? EventReminders.Own(ReadNumbers(own, ReminderOverrides)) : null,
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
                item.TryGetValue(GoogleEmailReminders, out var emails) && emails.L is { Count: > 0 }
                    ? ReadNumbers(emails, GoogleEmailReminders)
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
