using System.Text.Json.Serialization;
using RealtimeCalendar.Lambda.Contracts.DynamoDb;
using RealtimeCalendar.Lambda.Contracts.HttpApi;
using RealtimeCalendar.Lambda.Contracts.Scheduler;
using RealtimeCalendar.Lambda.Contracts.WebSocket;

namespace RealtimeCalendar.Lambda.Contracts;

/// <summary>
/// Source-generated JSON for every AWS event shape the functions receive or return. API Gateway's shapes are
/// camelCase; the DynamoDB stream shapes name every property explicitly, so one policy serves both.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyRequest))]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyResponse))]
[JsonSerializable(typeof(APIGatewayProxyRequest))]
// Both API Gateway request shapes nest a ProxyRequestContext, as in Amazon.Lambda.APIGatewayEvents: name them apart.
[JsonSerializable(typeof(APIGatewayProxyRequest.ProxyRequestContext), TypeInfoPropertyName = "APIGatewayProxyRequestContext")]
[JsonSerializable(typeof(APIGatewayProxyResponse))]
[JsonSerializable(typeof(DynamoDBEvent))]
// Read one at a time by StreamRecordListJsonConverter, so one unreadable record does not fail its batch.
[JsonSerializable(typeof(DynamoDBEvent.DynamodbStreamRecord))]
[JsonSerializable(typeof(StreamsEventResponse))]
[JsonSerializable(typeof(SchedulerEvent))]
public sealed partial class LambdaContractsJsonContext : JsonSerializerContext;
