using RealtimeCalendar.Core.GoogleSync;

namespace RealtimeCalendar.Functions.GoogleSync;

/// <summary>
/// The Google API side of sync, supplied by the host: the Google.Apis-based adapter is not Native-AOT clean
/// (docs/google-aot.md), so the AOT bootstrap has none and a JIT host such as the in-process local cloud passes it in.
/// </summary>
public sealed record GoogleApiAdapters(IGoogleCalendarClientFactory Clients, IGoogleAuthorizationFlow Authorization);
