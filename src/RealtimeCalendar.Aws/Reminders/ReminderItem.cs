using System.Globalization;
using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Aws.Reminders;

/// <summary>
/// How the Reminders table is laid out: partition key <see cref="UserId"/>, sort key <see cref="ReminderId"/>. Two
/// kinds of item: one per fired reminder (<see cref="ReminderRecord"/>, kept <see cref="ReminderLimits.RecordLifetime"/>
/// after its fire time by the <see cref="ExpiresAt"/> TTL), and the user's settings under <see cref="SettingsId"/>
/// (a reminder id always holds two dots, so the two never meet). Instants are fixed-width UTC strings, so string order
/// is time order for the retry index.
/// </summary>
public static class ReminderItem
{
    public const string UserId = "userId";
    public const string ReminderId = "reminderId";

    /// <summary>The sort key of the user's settings item.</summary>
    public const string SettingsId = "settings";

    /// <summary>On the settings item: the default reminders' minutes (a list of numbers, possibly empty).</summary>
    public const string DefaultReminders = "defaultReminders";

    public const string EventId = "eventId";
    public const string OccurrenceStart = "occurrenceStart";
    public const string Title = "title";
    public const string Start = "start";
    public const string MinutesBefore = "minutesBefore";
    public const string DueAt = "dueAt";
    public const string FireAt = "fireAt";
    public const string State = "state";

    /// <summary>Set only while a sweep is to look at the record again: the sparse <see cref="ByRetryIndex"/>'s partition key (a <see cref="ReminderShards"/> shard) and sort key.</summary>
    public const string RetryShard = "retryShard";
    public const string RetryAt = "retryAt";

    /// <summary>Epoch seconds; DynamoDB's TTL deletes the record some time after.</summary>
    public const string ExpiresAt = "expiresAt";

    public const string ByRetryIndex = "byRetry";

    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string FormatInstant(DateTimeOffset instant) => instant.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    public static string FormatState(ReminderState state) => state switch
    {
        ReminderState.Sending => "sending",
        ReminderState.Shown => "shown",
        ReminderState.Waiting => "waiting",
        ReminderState.Snoozed => "snoozed",
        ReminderState.Dismissed => "dismissed",
        ReminderState.Missed => "missed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown reminder state."),
    };

    public static Dictionary<string, AttributeValue> Key(string userId, string reminderId) => new()
    {
        [UserId] = new() { S = userId },
        [ReminderId] = new() { S = reminderId },
    };

    public static Dictionary<string, AttributeValue> ToItem(ReminderRecord record)
    {
        var notice = record.Notice;
        var item = Key(record.UserId, notice.ReminderId);
        item[EventId] = new() { S = notice.EventId };
        item[OccurrenceStart] = new() { S = FormatInstant(notice.OccurrenceStart) };
        item[Title] = new() { S = notice.Title };
        item[Start] = new() { S = FormatInstant(notice.Start) };
        item[MinutesBefore] = new() { N = notice.MinutesBefore.ToString(CultureInfo.InvariantCulture) };
        item[DueAt] = new() { S = FormatInstant(record.DueAt) };
        item[FireAt] = new() { S = FormatInstant(record.FireAt) };
        item[State] = new() { S = FormatState(record.State) };
        item[ExpiresAt] = ExpiryOf(record.FireAt);
        if (record.RetryAt is { } retryAt)
        {
            foreach (var (name, value) in RetryValues(record.UserId, retryAt))
                item[name] = value;
        }

        return item;
    }

    /// <summary>The retry-index attributes of a record of <paramref name="userId"/> to look at again at <paramref name="retryAt"/>.</summary>
    public static Dictionary<string, AttributeValue> RetryValues(string userId, DateTimeOffset retryAt) => new()
    {
        [RetryShard] = new() { S = ReminderShards.Of(userId).ToString(CultureInfo.InvariantCulture) },
        [RetryAt] = new() { S = FormatInstant(retryAt) },
    };

    public static AttributeValue ExpiryOf(DateTimeOffset fireAt) =>
        new() { N = (fireAt + ReminderLimits.RecordLifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };

    public static ReminderRecord FromItem(IReadOnlyDictionary<string, AttributeValue> item) => new(
        Text(item, UserId),
        new ReminderNotice(
            Text(item, ReminderId),
            Text(item, EventId),
            Instant(item, OccurrenceStart),
            Text(item, Title),
            Instant(item, Start),
            int.Parse(Value(item, MinutesBefore).N ?? throw Missing(MinutesBefore), NumberStyles.None, CultureInfo.InvariantCulture)),
        Instant(item, DueAt),
        Instant(item, FireAt),
        ParseState(Text(item, State)),
        item.ContainsKey(RetryAt) ? Instant(item, RetryAt) : null);

    private static ReminderState ParseState(string state) => state switch
    {
        "sending" => ReminderState.Sending,
        "shown" => ReminderState.Shown,
        "waiting" => ReminderState.Waiting,
        "snoozed" => ReminderState.Snoozed,
        "dismissed" => ReminderState.Dismissed,
        "missed" => ReminderState.Missed,
        _ => throw new FormatException($"Reminder item has an unknown state '{state}'."),
    };

    private static AttributeValue Value(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value : throw Missing(name);

    private static string Text(IReadOnlyDictionary<string, AttributeValue> item, string name) => Value(item, name).S ?? throw Missing(name);

    private static DateTimeOffset Instant(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        DateTimeOffset.ParseExact(Text(item, name), InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static FormatException Missing(string name) => new($"Reminder item has no usable '{name}' attribute.");
}
