namespace RealtimeCalendar.Local.Cognito;

/// <summary>A Cognito API error, with its <c>__type</c> (e.g. <c>NotAuthorizedException</c>).</summary>
public sealed class CognitoApiException(string errorType, string message) : Exception($"{errorType}: {message}")
{
    public string ErrorType { get; } = errorType;
}
