namespace RealtimeCalendar.Deploy.Secrets;

/// <summary>The secrets the product reads; deploy/README.md shows how to put their values.</summary>
public static class SecretParameters
{
    public static SecretParameter OpenAiApiKey { get; } = new("/realtimecalendar/openai-api-key", "OPENAI_API_KEY_PARAMETER");

    public static SecretParameter GoogleClientSecret { get; } = new("/realtimecalendar/google-client-secret", "GOOGLE_CLIENT_SECRET_PARAMETER");

    public static IReadOnlyList<SecretParameter> All { get; } = [OpenAiApiKey, GoogleClientSecret];
}
