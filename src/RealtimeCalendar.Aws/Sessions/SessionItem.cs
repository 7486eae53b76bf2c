namespace RealtimeCalendar.Aws.Sessions;

/// <summary>
/// The Sessions table holds short-lived things of several kinds, told apart by an id prefix
/// (<c>ticket#&lt;sha256&gt;</c>); <c>expiresAt</c> is the TTL in epoch seconds.
/// </summary>
public static class SessionItem
{
    public const string Id = "id";
    public const string Kind = "kind";
    public const string UserId = "userId";
    public const string ExpiresAt = "expiresAt";
    public const string ByUserIndex = "byUser";
}
