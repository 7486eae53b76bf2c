using RealtimeCalendar.Core.GoogleSync;

namespace RealtimeCalendar.Functions.GoogleSync;

/// <summary>What the google-sync routes use, built once the configuration is known to be complete.</summary>
public sealed record GoogleSyncComponents(GoogleSyncService Sync, GoogleConnectFlow Connect, Uri RedirectUri);
