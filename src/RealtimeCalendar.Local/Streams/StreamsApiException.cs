namespace RealtimeCalendar.Local.Streams;

/// <summary>An error answer of the DynamoDB Streams API, e.g. <c>ExpiredIteratorException</c> or <c>TrimmedDataAccessException</c>.</summary>
public sealed class StreamsApiException(string errorType, string message) : Exception($"{errorType}: {message}")
{
    public string ErrorType { get; } = errorType;

    public bool IsExpiredIterator => ErrorType.EndsWith("ExpiredIteratorException", StringComparison.Ordinal);

    /// <summary>The iterator points before the oldest record the shard still holds.</summary>
    public bool IsTrimmedDataAccess => ErrorType.EndsWith("TrimmedDataAccessException", StringComparison.Ordinal);
}
