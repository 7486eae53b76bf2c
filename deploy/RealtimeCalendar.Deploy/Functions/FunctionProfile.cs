using RealtimeCalendar.Deploy.Secrets;

namespace RealtimeCalendar.Deploy.Functions;

/// <summary>
/// What the cloud gives one function of the bootstrap: its size and time limit, and the only permissions it
/// holds (tables, secret parameters, the WebSocket Management API).
/// </summary>
public sealed record FunctionProfile(
    string Name,
    int MemoryMb,
    TimeSpan Timeout,
    IReadOnlyList<TableGrant> Tables,
    IReadOnlyList<SecretParameter> Secrets,
    bool ManagesConnections = false);
