namespace RealtimeCalendar.Local.Hosting;

/// <summary>
/// The browser client's <c>config.json</c>: where its API, socket and Cognito are. The local cloud serves it;
/// the deploy writes the same shape next to the client in S3.
/// </summary>
public sealed record ClientConfig(string ApiBaseUrl, string WebSocketUrl, ClientCognitoConfig Cognito, bool ChatEnabled);
