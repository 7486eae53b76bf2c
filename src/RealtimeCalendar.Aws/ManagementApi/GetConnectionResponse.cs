namespace RealtimeCalendar.Aws.ManagementApi;

/// <summary>Stands in for AWSSDK.ApiGatewayManagementApi's GetConnectionResponse (why our own: src/decisions/0001-own-small-clients.md); same JSON shape.</summary>
public sealed record GetConnectionResponse(DateTimeOffset ConnectedAt, ConnectionIdentity Identity, DateTimeOffset LastActiveAt);
