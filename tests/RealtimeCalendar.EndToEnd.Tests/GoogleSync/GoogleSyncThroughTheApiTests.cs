namespace RealtimeCalendar.EndToEnd.Tests.GoogleSync;

/// <summary>The Google sync journey with the functions in process.</summary>
[Collection(GoogleLocalCloudCollection.Name)]
public sealed class GoogleSyncThroughTheApiTests(GoogleLocalCloudFixture fixture) : GoogleSyncJourneyTests(fixture);
