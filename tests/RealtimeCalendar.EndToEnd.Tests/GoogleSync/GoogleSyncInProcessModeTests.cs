namespace RealtimeCalendar.EndToEnd.Tests.GoogleSync;

/// <summary>
/// The Google sync journey with google-sync and google-push running as <c>google-bootstrap</c> processes over the
/// Lambda Runtime API, and every other function as <c>bootstrap</c> processes: the binaries the image runs.
/// </summary>
[Collection(GoogleProcessModeCollection.Name)]
public sealed class GoogleSyncInProcessModeTests(GoogleProcessModeFixture fixture) : GoogleSyncJourneyTests(fixture);
