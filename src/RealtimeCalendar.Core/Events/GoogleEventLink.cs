namespace RealtimeCalendar.Core.Events;

/// <summary>
/// Ties a local event to its copy in the user's Google Calendar: Google's id, and the <c>etag</c>/<c>updated</c> of
/// the Google version this event last matched. A pulled Google event whose etag equals <see cref="Etag"/> is our own
/// write coming back (an echo) and is not applied again. <see cref="EmailReminderMinutes"/> are the <c>email</c>
/// reminders that Google version holds: not shown here (only popups are ours), but written back with every push, since
/// Google's <c>events.patch</c> replaces the <c>reminders.overrides</c> array whole. Null (or empty) means none.
/// </summary>
public sealed record GoogleEventLink(string EventId, string Etag, DateTimeOffset Updated, IReadOnlyList<int>? EmailReminderMinutes = null)
{
    /// <summary>Links are equal when they name the same Google version with the same e-mail reminders (a list compared by content).</summary>
    public bool Equals(GoogleEventLink? other) =>
        other is not null
        && EventId == other.EventId
        && Etag == other.Etag
        && Updated == other.Updated
        && (EmailReminderMinutes ?? []).SequenceEqual(other.EmailReminderMinutes ?? []);

    public override int GetHashCode() => HashCode.Combine(EventId, Etag, Updated, (EmailReminderMinutes ?? []).Count);
}
