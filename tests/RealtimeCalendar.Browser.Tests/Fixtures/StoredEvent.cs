namespace RealtimeCalendar.Browser.Tests.Fixtures;

/// <summary>An event as the HTTP API returns it, reduced to what the browser tests check.</summary>
public sealed record StoredEvent(string Id, string Title, DateTimeOffset Start, DateTimeOffset End, bool AllDay, long Version);
