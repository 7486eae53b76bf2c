using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RealtimeCalendar.Aws.Signing;

namespace RealtimeCalendar.Local.Streams;

/// <summary>
/// Reads a DynamoDB stream over its JSON protocol (<c>X-Amz-Target: DynamoDBStreams_20120810.*</c>), signed with
/// SigV4 like any AWS call. In place of AWSSDK.DynamoDBStreams (src/decisions/0001-own-small-clients.md); DynamoDB Local answers on its main port.
/// </summary>
public sealed class DynamoDbStreamsClient(HttpClient http, Uri endpoint, SigV4RequestSigner signer)
{
    internal Task<DescribeStreamResponse> DescribeStreamAsync(string streamArn, string? exclusiveStartShardId, CancellationToken cancellationToken) =>
        CallAsync("DescribeStream", new DescribeStreamRequest(streamArn, exclusiveStartShardId),
            StreamsJsonContext.Default.DescribeStreamRequest, StreamsJsonContext.Default.DescribeStreamResponse, cancellationToken);

    internal Task<GetShardIteratorResponse> GetShardIteratorAsync(GetShardIteratorRequest request, CancellationToken cancellationToken) =>
        CallAsync("GetShardIterator", request,
            StreamsJsonContext.Default.GetShardIteratorRequest, StreamsJsonContext.Default.GetShardIteratorResponse, cancellationToken);

    internal Task<GetRecordsResponse> GetRecordsAsync(string shardIterator, int limit, CancellationToken cancellationToken) =>
        CallAsync("GetRecords", new GetRecordsRequest(shardIterator, limit),
            StreamsJsonContext.Default.GetRecordsRequest, StreamsJsonContext.Default.GetRecordsResponse, cancellationToken);

    private async Task<TResponse> CallAsync<TRequest, TResponse>(
        string action, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        var content = JsonSerializer.SerializeToUtf8Bytes(body, requestType);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", $"DynamoDBStreams_20120810.{action}");
        await signer.SignAsync(request, content, "dynamodb", cancellationToken);

        using var response = await http.SendAsync(request, cancellationToken);
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            using var error = JsonDocument.Parse(payload.Length > 0 ? payload : "{}"u8.ToArray());
            var type = error.RootElement.TryGetProperty("__type", out var t) ? t.GetString() ?? "Unknown" : $"Http{(int)response.StatusCode}";
            var message = error.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty
                : error.RootElement.TryGetProperty("Message", out var m2) ? m2.GetString() ?? string.Empty : string.Empty;
            throw new StreamsApiException(type, message);
        }

        return JsonSerializer.Deserialize(payload, responseType)
            ?? throw new StreamsApiException("EmptyResponse", $"{action} answered JSON null.");
    }
}
