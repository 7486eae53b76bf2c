namespace RealtimeCalendar.Core.Reminders;

/// <summary>What one sweep did: counts of reminders by outcome, and what reading the two indexes cost.</summary>
/// <param name="Entries">Events read from the due index.</param>
/// <param name="Sent">Reminders delivered to at least one open socket.</param>
/// <param name="Waiting">Reminders whose owner had no socket open (kept for the next tab, handed to the offline channel).</param>
/// <param name="Failed">Reminders whose delivery failed on some socket; the next sweep sends them again.</param>
/// <param name="Dropped">Reminders first seen more than <see cref="ReminderLimits.LateLimit"/> late; never sent.</param>
/// <param name="AlreadyClaimed">Reminders another sweep (or an earlier attempt) had already taken.</param>
/// <param name="Changed">Events edited or deleted between the index read and the sweep's own write; their new state decides.</param>
/// <param name="Retried">Records from the retry index (snoozes ending, tabs that connected, unconfirmed sends).</param>
/// <param name="Missed">Records from the retry index dropped as too late.</param>
/// <param name="Deferred">Users left for the next sweep because this one reached its time limit.</param>
/// <param name="SocketLookups">Look-ups of a user's open sockets (Queries of the Connections table's user index): one per user with something due.</param>
/// <param name="IndexQueries">Query calls on both indexes.</param>
/// <param name="ReadUnits">Read capacity DynamoDB reported for those queries.</param>
/// <param name="Elapsed">How long the sweep took.</param>
public sealed record ReminderSweepReport(
    DateTimeOffset ScheduledTime,
    int Entries,
    int Sent,
    int Waiting,
    int Failed,
    int Dropped,
    int AlreadyClaimed,
    int Changed,
    int Retried,
    int Missed,
    int Deferred,
    int SocketLookups,
    int IndexQueries,
    double ReadUnits,
    TimeSpan Elapsed);
