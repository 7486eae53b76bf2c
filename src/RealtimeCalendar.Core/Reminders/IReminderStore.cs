namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// The records of fired reminders (the Reminders table): what makes a reminder fire at most once per id, lets a
/// dismiss reach every tab and hold for good, and keeps a reminder for a tab that is not open yet.
/// </summary>
public interface IReminderStore
{
    /// <summary>
    /// Records <paramref name="record"/> (<see cref="ReminderState.Sending"/>, or <see cref="ReminderState.Waiting"/> for an
    /// owner with no socket open) unless a record with its id exists:
    /// null when this call claimed it, else the record already there (another sweep, an earlier attempt).
    /// </summary>
    Task<ReminderRecord?> ClaimAsync(ReminderRecord record, CancellationToken cancellationToken);

    /// <summary>Deletes a claim that will not be sent after all (the event changed meanwhile), only while it is still in the state it was claimed in.</summary>
    Task ReleaseAsync(string userId, string reminderId, ReminderState claimedAs, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a record from <paramref name="from"/> (fired at <paramref name="fireAt"/>) to <paramref name="to"/>, with
    /// <paramref name="retryAt"/> (null takes it out of the retry index). False when it is no longer in that state at
    /// that fire time (a dismiss or snooze came first), which then stands.
    /// </summary>
    Task<bool> MoveAsync(
        string userId, string reminderId, ReminderState from, DateTimeOffset fireAt, ReminderState to, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    Task<ReminderRecord?> GetAsync(string userId, string reminderId, CancellationToken cancellationToken);

    /// <summary>Marks the reminder dismissed and takes it out of the retry index; false when there is no such reminder.</summary>
    Task<bool> DismissAsync(string userId, string reminderId, CancellationToken cancellationToken);

    /// <summary>Holds the reminder back until <paramref name="until"/> (its new fire time), unless it was dismissed.</summary>
    Task<SnoozeOutcome> SnoozeAsync(string userId, string reminderId, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> records of one shard whose <see cref="ReminderRecord.RetryAt"/> is at or before <paramref name="upTo"/>.</summary>
    Task<ReminderIndexRead<ReminderRecord>> QueryRetryDueAsync(int shard, DateTimeOffset upTo, int limit, CancellationToken cancellationToken);

    /// <summary>The user's <see cref="ReminderState.Waiting"/> reminders fired at or after <paramref name="firedSince"/>.</summary>
    Task<IReadOnlyList<ReminderRecord>> ListWaitingAsync(string userId, DateTimeOffset firedSince, CancellationToken cancellationToken);
}
