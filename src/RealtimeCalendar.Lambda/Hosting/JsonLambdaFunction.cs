using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RealtimeCalendar.Lambda.Hosting;

/// <summary>A function with typed request and response, (de)serialized by source-generated JSON metadata only.</summary>
public abstract class JsonLambdaFunction<TRequest, TResponse>(JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType)
    : ILambdaFunction
{
    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> payload, LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize(payload.Span, requestType)
            ?? throw new JsonException("The invocation payload was JSON null.");
        var response = await HandleAsync(request, invocation, cancellationToken);
        return JsonSerializer.SerializeToUtf8Bytes(response, responseType);
    }

    protected abstract Task<TResponse> HandleAsync(TRequest request, LambdaInvocation invocation, CancellationToken cancellationToken);
}
