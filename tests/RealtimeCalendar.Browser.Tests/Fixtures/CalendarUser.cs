namespace RealtimeCalendar.Browser.Tests.Fixtures;

/// <summary>A confirmed user of the local Cognito pool; <see cref="Api"/> calls the HTTP API with their token, as another device would.</summary>
public sealed record CalendarUser(string UserId, string Email, string Password, CalendarApi Api);
