namespace RealtimeCalendar.Local.Hosting;

public sealed record ClientCognitoConfig(string Endpoint, string Region, string UserPoolId, string ClientId);
