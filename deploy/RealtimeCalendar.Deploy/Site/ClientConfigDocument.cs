namespace RealtimeCalendar.Deploy.Site;

/// <summary>
/// The browser client's <c>config.json</c>, in the shape the local cloud serves (RealtimeCalendar.Local's
/// ClientConfig): the API is same-origin behind CloudFront, so its base URL is empty. <c>vapidPublicKey</c> is present only
/// with Web Push.
/// </summary>
public static class ClientConfigDocument
{
    public const string ObjectKey = "config.json";

    public static Dictionary<string, object> Create(
        string webSocketUrl, string cognitoEndpoint, string region, string userPoolId, string clientId, bool chatEnabled, string? vapidPublicKey = null)
    {
        var document = new Dictionary<string, object>
        {
            ["apiBaseUrl"] = "",
            ["webSocketUrl"] = webSocketUrl,
            ["cognito"] = new Dictionary<string, object>
            {
                ["endpoint"] = cognitoEndpoint,
                ["region"] = region,
                ["userPoolId"] = userPoolId,
                ["clientId"] = clientId,
            },
            ["chatEnabled"] = chatEnabled,
        };
        if (vapidPublicKey is not null)
            document["vapidPublicKey"] = vapidPublicKey;
        return document;
    }
}
