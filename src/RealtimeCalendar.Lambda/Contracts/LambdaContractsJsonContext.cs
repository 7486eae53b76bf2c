using System.Text.Json.Serialization;
using RealtimeCalendar.Lambda.Contracts.HttpApi;

namespace RealtimeCalendar.Lambda.Contracts;

/// <summary>Source-generated JSON for every AWS event shape the functions receive or return.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyRequest))]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyResponse))]
public sealed partial class LambdaContractsJsonContext : JsonSerializerContext;
