namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>A Google Calendar call that failed with an HTTP status, after the adapter's own retries.</summary>
public sealed class GoogleCalendarException : Exception
{
    public GoogleCalendarException()
    {
    }

    public GoogleCalendarException(string message)
        : base(message)
    {
    }

    public GoogleCalendarException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GoogleCalendarException(int status, string message, Exception? innerException = null)
        : base(message, innerException) => Status = status;

    public int Status { get; }

    /// <summary>410 on <c>events.list</c>: the sync token is no longer valid and a full resync is needed.</summary>
    public bool IsGone => Status == 410;

    /// <summary>404: no such event (or calendar) on Google.</summary>
    public bool IsNotFound => Status == 404;

    /// <summary>412: the event changed on Google since the etag we sent.</summary>
    public bool IsPreconditionFailed => Status == 412;

    /// <summary>409: an event with the id we chose already exists (a retried insert).</summary>
    public bool IsDuplicate => Status == 409;
}
