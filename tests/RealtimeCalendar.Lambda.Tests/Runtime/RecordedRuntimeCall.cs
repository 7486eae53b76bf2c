namespace RealtimeCalendar.Lambda.Tests.Runtime;

/// <summary>A POST the runtime made to the in-test Runtime API, as received on the wire.</summary>
public sealed record RecordedRuntimeCall(string Path, string? FunctionErrorType, string? ContentType, byte[] Body)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}
