namespace RealtimeCalendar.Local.Lambda;

/// <summary>The function reported an error through the Runtime API (its <c>errorType</c> and error document).</summary>
public sealed class LambdaFunctionException(string errorType, string errorDocument) : Exception($"Function error {errorType}: {errorDocument}")
{
    public string ErrorType { get; } = errorType;
}
