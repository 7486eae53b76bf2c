namespace RealtimeCalendar.Google.Wire;

/// <summary>Google's error envelope: <c>{"error":{"code","message","errors":[{"domain","reason","message"}]}}</c>.</summary>
public sealed class GoogleErrorJson
{
    public GoogleErrorBodyJson? Error { get; set; }
}
