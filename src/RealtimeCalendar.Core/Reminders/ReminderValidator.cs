using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// Checks reminders against Google Calendar API v3's rules and names each bad entry by its path
/// (<c>reminders.overrides[1].minutes</c>, <c>defaultReminders[0].method</c>), every problem at once.
/// </summary>
public static class ReminderValidator
{
    /// <summary>An event's <c>reminders</c>; <paramref name="field"/> is its name in the request (<c>reminders</c>).</summary>
    public static void Check(EventReminders reminders, string field, List<ValidationError> errors)
    {
        var overrides = reminders.Overrides ?? [];
        if (reminders.UseDefault && overrides.Count > 0)
        {
            errors.Add(new(field + ".overrides", "Give overrides only with useDefault false; useDefault true means the default reminders apply."));
            return;
        }

        CheckList(overrides, field + ".overrides", errors);
    }

    /// <summary>A user's default reminders; <paramref name="field"/> is <c>defaultReminders</c>.</summary>
    public static void CheckDefaults(IReadOnlyList<ReminderOverride> defaults, string field, List<ValidationError> errors) =>
        CheckList(defaults, field, errors);

    private static void CheckList(IReadOnlyList<ReminderOverride> entries, string field, List<ValidationError> errors)
    {
        if (entries.Count > ReminderLimits.MaxReminders)
            errors.Add(new(field, $"At most {ReminderLimits.MaxReminders} reminders are allowed."));

        var seen = new Dictionary<int, int>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var path = $"{field}[{i}]";
            if (entry.Method is not (null or ReminderLimits.Popup))
                errors.Add(new(path + ".method", $"Only '{ReminderLimits.Popup}' reminders are set here; other methods (Google's 'email') stay in Google Calendar."));
            if (entry.Minutes is < 0 or > ReminderLimits.MaxMinutes)
                errors.Add(new(path + ".minutes", $"Must be from 0 to {ReminderLimits.MaxMinutes} minutes (four weeks) before the start."));
            else if (seen.TryGetValue(entry.Minutes, out var first))
                errors.Add(new(path + ".minutes", $"The same as {field}[{first}]; each reminder needs its own minutes."));
            else
                seen[entry.Minutes] = i;
        }
    }
}
