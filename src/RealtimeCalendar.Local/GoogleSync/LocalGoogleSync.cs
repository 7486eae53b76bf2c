using RealtimeCalendar.Functions.Bootstrap;

namespace RealtimeCalendar.Local.GoogleSync;

/// <summary>
/// Google sync in the local cloud: configured from this process's own <c>GOOGLE_*</c> variables (the same names the
/// functions read) and refresh tokens in AES-GCM files in the local data folder.
/// </summary>
public static class LocalGoogleSync
{
    /// <summary>
    /// <paramref name="configured"/>, else the environment's; null unless a client id is set. The callback defaults to
    /// this local cloud's own URL and tokens to its data folder.
    /// </summary>
    public static GoogleSettings? Resolve(GoogleSettings? configured, Uri baseUrl, string stateDirectory) =>
        (configured ?? GoogleSettings.FromVariables(name => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null)) is { } google
            ? google with
            {
                RedirectUri = google.RedirectUri ?? new Uri(baseUrl, "/api/google/callback"),
                TokenDirectory = google.TokenDirectory ?? Path.Combine(stateDirectory, "google"),
            }
            : null;
}
