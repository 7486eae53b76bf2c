namespace RealtimeCalendar.Aws.ManagementApi;

/// <summary>Stands in for AWSSDK.ApiGatewayManagementApi's Identity (why our own: src/decisions/0001-own-small-clients.md): who opened the socket.</summary>
public sealed record ConnectionIdentity(string? SourceIp, string? UserAgent);
