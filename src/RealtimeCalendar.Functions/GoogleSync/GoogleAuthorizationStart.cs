namespace RealtimeCalendar.Functions.GoogleSync;

/// <summary>
/// The body of <c>GET /api/google/connect</c>. A JSON answer rather than a redirect: the request carries the access
/// token in a header, which a plain browser navigation cannot, so the app fetches this and then navigates.
/// </summary>
public sealed record GoogleAuthorizationStart(Uri AuthorizationUrl);
