namespace RealtimeCalendar.Deploy.Functions;

/// <summary>How much of one table a function may touch; each level lists exactly the DynamoDB actions it allows.</summary>
public enum TableAccess
{
    /// <summary>GetItem and Query.</summary>
    Read,

    /// <summary>Read, plus DeleteItem (notify removes connections that API Gateway reports gone).</summary>
    ReadDelete,

    /// <summary>UpdateItem only: the per-user usage counters (an atomic ADD) and nothing else.</summary>
    Count,

    /// <summary>Read, plus PutItem, UpdateItem and DeleteItem (conditional writes need no extra action).</summary>
    ReadWrite,

    /// <summary>GetItem only: the write path reads a user's default reminders.</summary>
    Get,

    /// <summary>
    /// Query only: of that one index with <see cref="TableGrant.Index"/> (the reminder sweep reads its due indexes), else
    /// of the table's own keys (a socket that connects reads its user's waiting reminders).
    /// </summary>
    Query,

    /// <summary>UpdateItem only: the sweep moves an event's next due reminder, a waking socket a missed reminder's retry time.</summary>
    Update,

    /// <summary>GetItem, PutItem, UpdateItem and DeleteItem, no Query: fired reminders' records, read and written by key.</summary>
    Records,
}
