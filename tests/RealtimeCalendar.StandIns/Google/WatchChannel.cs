namespace RealtimeCalendar.StandIns.Google;

/// <summary>A push channel the in-test Google server holds open; <see cref="Token"/> is what it would send back.</summary>
public sealed record WatchChannel(string Id, string ResourceId, Uri Address, string? Token, DateTimeOffset Expiration);
