namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>An <c>events.watch</c> request: Google posts to <see cref="Address"/> with <see cref="Token"/> in <c>X-Goog-Channel-Token</c>.</summary>
public sealed record GoogleWatchRequest(string ChannelId, Uri Address, string Token);
