namespace RealtimeCalendar.Aws.ManagementApi;

/// <summary>Stands in for AWSSDK.ApiGatewayManagementApi's Identity (not served here): who opened the socket.</summary>
public sealed record ConnectionIdentity(string? SourceIp, string? UserAgent);
