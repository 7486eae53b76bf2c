namespace RealtimeCalendar.Core.Identity;

/// <summary>
/// The verdict on one token: the verified claims (always including <c>sub</c>), or a short reason that is
/// safe to return to the caller (it never echoes the token).
/// </summary>
public sealed record AccessTokenValidation(IReadOnlyDictionary<string, string>? Claims, string? Error)
{
    public bool IsValid => Claims is not null;

    public string? UserId => Claims?.GetValueOrDefault("sub");

    public static AccessTokenValidation Valid(IReadOnlyDictionary<string, string> claims) => new(claims, null);

    public static AccessTokenValidation Invalid(string error) => new(null, error);
}
