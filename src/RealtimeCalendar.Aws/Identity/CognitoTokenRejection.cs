namespace RealtimeCalendar.Aws.Identity;

/// <summary>
/// The reasons an access token is refused. They are safe to hand back to a caller: none carries any part of the token.
/// </summary>
public static class CognitoTokenRejection
{
    public const string Missing = "token missing";
    public const string TooLong = "token too long";
    public const string Malformed = "token malformed";
    public const string AlgorithmNotAllowed = "algorithm not allowed";
    public const string UnknownSigningKey = "signing key unknown";
    public const string InvalidSignature = "signature invalid";
    public const string Expired = "token expired";
    public const string NotYetValid = "token not yet valid";
    public const string NoExpiry = "token has no expiry";
    public const string WrongIssuer = "issuer not accepted";
    public const string NotAnAccessToken = "not an access token";
    public const string ClientNotAllowed = "app client not accepted";
    public const string MissingSubject = "subject missing";
    public const string MissingUsername = "username missing";
    public const string Invalid = "token invalid";
}
