namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>Pending OAuth round trips (the Sessions table).</summary>
public interface IGoogleAuthorizationRequestStore
{
    Task PutAsync(GoogleAuthorizationRequest request, CancellationToken cancellationToken);

    /// <summary>Removes and returns the request if it exists and has not expired at <paramref name="now"/>; a second take gets null.</summary>
    Task<GoogleAuthorizationRequest?> TakeAsync(string stateHash, DateTimeOffset now, CancellationToken cancellationToken);
}
