using RealtimeCalendar.Functions.Bootstrap;

namespace RealtimeCalendar.Deploy.Secrets;

/// <summary>The secrets the product reads; deploy/README.md shows how to put their values.</summary>
public static class SecretParameters
{
    public static SecretParameter OpenAiApiKey { get; } = new("/realtimecalendar/openai-api-key", "OPENAI_API_KEY_PARAMETER");

    public static SecretParameter GoogleClientSecret { get; } = new("/realtimecalendar/google/client-secret", GoogleSettings.ClientSecretParameterVariable);

    /// <summary>The VAPID private key (base64url of the 32-byte P-256 scalar) that signs every Web Push request.</summary>
    public static SecretParameter VapidPrivateKey { get; } = new("/realtimecalendar/web-push/vapid-private-key", WebPushSettings.PrivateKeyParameterVariable);

    public static IReadOnlyList<SecretParameter> All { get; } = [OpenAiApiKey, GoogleClientSecret, VapidPrivateKey];
}
