namespace RealtimeCalendar.StandIns.WebPush;

/// <summary>What a verified VAPID token said (RFC 8292 section 2): its audience, expiry and contact, and the key that signed it.</summary>
public sealed record VapidClaims(string Audience, DateTimeOffset Expires, string? Subject, string PublicKey);
