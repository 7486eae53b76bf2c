namespace RealtimeCalendar.Core.Identity;

/// <summary>Checks a bearer access token and says whose it is; implemented for Cognito in the Aws adapters.</summary>
public interface IAccessTokenValidator
{
    Task<AccessTokenValidation> ValidateAsync(string token, CancellationToken cancellationToken);
}
