namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>What <c>events.watch</c> answers: the channel id, the watched resource's id (needed to stop it) and its expiry.</summary>
public sealed record GoogleOpenedChannel(string Id, string ResourceId, DateTimeOffset? Expiration);
