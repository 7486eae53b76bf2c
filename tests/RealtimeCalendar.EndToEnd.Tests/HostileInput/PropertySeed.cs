namespace RealtimeCalendar.EndToEnd.Tests.HostileInput;

/// <summary>
/// The CsCheck seed the hostile-input properties run with: fixed so every run throws the same cases, and
/// overridable through <c>RC_PROPERTY_SEED</c> to replay a failure or explore new cases.
/// </summary>
internal static class PropertySeed
{
    public const string EnvironmentVariable = "RC_PROPERTY_SEED";

    public const string Fixed = "0N0XIzNsQ0O2";

    public static string Current =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } chosen ? chosen.Trim() : Fixed;
}
