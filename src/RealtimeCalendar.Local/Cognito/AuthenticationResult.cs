namespace RealtimeCalendar.Local.Cognito;

/// <summary>Tokens from <c>InitiateAuth</c>, in Cognito's own field names.</summary>
public sealed record AuthenticationResult(string AccessToken, string? IdToken, string? RefreshToken, int ExpiresIn, string? TokenType);
