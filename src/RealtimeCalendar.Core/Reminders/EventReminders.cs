using System.Text.Json.Serialization;

namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// An event's <c>reminders</c> in Google Calendar API v3's shape: <c>{"useDefault":true}</c> means the owner's default
/// reminders apply (<c>GET /api/settings/reminders</c>); <c>{"useDefault":false,"overrides":[…]}</c> gives the event its
/// own, none at all meaning no reminder. A stored event keeps null for the first and the override minutes for the
/// second (see <see cref="Events.CalendarEvent.Reminders"/>).
/// </summary>
public sealed record EventReminders(bool UseDefault, IReadOnlyList<ReminderOverride>? Overrides)
{
    /// <summary>What an event without <c>reminders</c> has: the owner's defaults.</summary>
    public static EventReminders Default { get; } = new(true, null);

    /// <summary>The event's own popup reminders, minutes before the start, as given.</summary>
    public static EventReminders Own(IEnumerable<int> minutes) => new(false, [.. minutes.Select(ReminderOverride.Popup)]);

    /// <summary>How an event keeps what a caller gave: null for the defaults (or nothing given), else its own popup minutes.</summary>
    public static EventReminders? Stored(EventReminders? given) => given is null || given.UseDefault ? null : Own(given.Minutes);

    /// <summary>The minutes of the overrides (none for <see cref="UseDefault"/>).</summary>
    [JsonIgnore]
    public IReadOnlyList<int> Minutes => UseDefault ? [] : [.. (Overrides ?? []).Select(o => o.Minutes)];

    /// <summary>
    /// True when both remind alike: both use the defaults (null counts as that), or both have the same own minutes in
    /// the same order. Records compare lists by reference, so this compares their contents.
    /// </summary>
    public static bool Same(EventReminders? a, EventReminders? b)
    {
        var defaultA = a is null || a.UseDefault;
        var defaultB = b is null || b.UseDefault;
        if (defaultA || defaultB)
            return defaultA == defaultB;
        return a!.Minutes.SequenceEqual(b!.Minutes);
    }
}
