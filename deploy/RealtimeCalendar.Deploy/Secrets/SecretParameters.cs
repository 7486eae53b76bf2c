using RealtimeCalendar.Functions.Bootstrap;

namespace RealtimeCalendar.Deploy.Secrets;

/// <summary>The secrets the product reads; deploy/README.md shows how to put their values.</summary>
public static class SecretParameters
{
    public static SecretParameter OpenAiApiKey { get; } = new("/realtimecalendar/openai-api-key", "OPENAI_API_KEY_PARAMETER");

    public static SecretParameter GoogleClientSecret { get; } = new("/realtimecalendar/google/client-secret", GoogleSettings.ClientSecretParameterVariable);

    public static IReadOnlyList<SecretParameter> All { get; } = [OpenAiApiKey, GoogleClientSecret];
}
