using RealtimeCalendar.Deploy.Secrets;

namespace RealtimeCalendar.Deploy.Functions;

/// <summary>
/// What the cloud gives one function of the bootstrap: its size and time limit, and the only permissions it
/// holds (tables, secret parameters, the WebSocket Management API). <paramref name="OwnedParameterPath"/> is an SSM
/// path below which the function creates, reads and deletes its own SecureStrings (google-sync's refresh tokens);
/// <paramref name="ReadParameterPath"/> one whose SecureStrings it may only read (google-push reads those tokens).
/// <paramref name="EntryPoint"/> replaces the image's entry point (which runs the AOT <c>bootstrap</c>) for functions
/// served by another binary of the image.
/// </summary>
public sealed record FunctionProfile(
    string Name,
    int MemoryMb,
    TimeSpan Timeout,
    IReadOnlyList<TableGrant> Tables,
    IReadOnlyList<SecretParameter> Secrets,
    bool ManagesConnections = false,
    string? OwnedParameterPath = null,
    string? ReadParameterPath = null,
    IReadOnlyList<string>? EntryPoint = null);
