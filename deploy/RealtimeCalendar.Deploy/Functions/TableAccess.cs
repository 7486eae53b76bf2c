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
}
