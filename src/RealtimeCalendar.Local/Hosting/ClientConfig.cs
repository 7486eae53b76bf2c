namespace RealtimeCalendar.Local.Hosting;

/// <summary>
/// The browser client's <c>config.json</c>: where its API, socket and Cognito are. The local cloud serves it;
/// the deploy writes the same shape next to the client in S3. <see cref="VapidPublicKey"/> is the Web Push
/// <c>applicationServerKey</c> browsers subscribe with (null: no Web Push).
/// </summary>
public sealed record ClientConfig(string ApiBaseUrl, string WebSocketUrl, ClientCognitoConfig Cognito, bool ChatEnabled, string? VapidPublicKey = null);
