using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>
/// Google Calendar's <c>reminders</c> and ours, both ways. Both sides have the same shape (<c>useDefault</c>, and
/// <c>overrides</c> of <c>{method, minutes}</c>), and <c>useDefault</c> maps to <c>useDefault</c>: the owner's defaults
/// on each side. Only <c>popup</c> reminders are ours: Google's <c>email</c> reminders stay on Google's side, never
/// shown or fired here, and every push writes them back, because <c>events.patch</c> replaces the overrides array whole.
/// </summary>
public static class GoogleReminderMapping
{
    /// <summary>Google's other reminder method: a mail from Google, which this calendar does not send.</summary>
    public const string Email = "email";

    /// <summary>
    /// Our reminders for Google's: null (the defaults) for <c>useDefault</c> or none sent; else the event's own popup
    /// minutes, each once and in range, at most <see cref="ReminderLimits.MaxReminders"/> (Google's own limits too).
    /// </summary>
    public static EventReminders? FromGoogle(EventReminders? google)
    {
        if (google is null || google.UseDefault)
            return null;
        var popups = (google.Overrides ?? [])
            .Where(o => o.Method is null or ReminderLimits.Popup && o.Minutes is >= 0 and <= ReminderLimits.MaxMinutes)
            .Select(o => o.Minutes)
            .Distinct()
            .Take(ReminderLimits.MaxReminders);
        return EventReminders.Own(popups);
    }

    /// <summary>The minutes of Google's <c>email</c> reminders (none when the event uses the calendar's defaults).</summary>
    public static IReadOnlyList<int> EmailMinutes(EventReminders? google) =>
        google is null || google.UseDefault ? [] : [.. (google.Overrides ?? []).Where(o => o.Method == Email).Select(o => o.Minutes)];

    /// <summary>
    /// Google's <c>reminders</c> for ours, with the e-mail reminders Google holds (<paramref name="googleEmailMinutes"/>)
    /// kept: our popups first, the e-mails after them. Null means "leave Google's reminders as they are": ours are the
    /// defaults while Google holds e-mail reminders, and Google cannot hold its defaults and overrides at once. Above
    /// Google's five overrides the e-mails stay and our latest-firing popups are left off Google's copy (they still
    /// fire here).
    /// </summary>
    public static EventReminders? ToGoogle(EventReminders? ours, IReadOnlyList<int>? googleEmailMinutes)
    {
        var emails = (googleEmailMinutes ?? []).Distinct().Take(ReminderLimits.MaxReminders).ToList();
        if (ours is null || ours.UseDefault)
            return emails.Count == 0 ? EventReminders.Default : null;

        var popups = ours.Minutes.Distinct().Order().Take(ReminderLimits.MaxReminders - emails.Count);
        return new EventReminders(
            false,
            [.. popups.Select(ReminderOverride.Popup), .. emails.Select(minutes => new ReminderOverride(Email, minutes))]);
    }
}
