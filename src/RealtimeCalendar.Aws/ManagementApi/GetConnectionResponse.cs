namespace RealtimeCalendar.Aws.ManagementApi;

/// <summary>Stands in for AWSSDK.ApiGatewayManagementApi's GetConnectionResponse (not served here); same JSON shape.</summary>
public sealed record GetConnectionResponse(DateTimeOffset ConnectedAt, ConnectionIdentity Identity, DateTimeOffset LastActiveAt);
