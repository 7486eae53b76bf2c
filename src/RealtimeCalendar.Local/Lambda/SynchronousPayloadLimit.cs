using RealtimeCalendar.Lambda.Quotas;

namespace RealtimeCalendar.Local.Lambda;

/// <summary>
/// Lambda's 6 MB limit on a synchronous invocation's request and response (<see cref="LambdaQuotas.SynchronousPayloadBytes"/>),
/// in front of either Lambda mode: a larger event is refused before the function sees it, a larger answer fails the
/// invocation with <see cref="LambdaQuotas.ResponseSizeTooLarge"/>, as the Lambda service does, and API Gateway turns
/// both into 500 <c>{"message":"Internal Server Error"}</c>.
/// </summary>
public sealed class SynchronousPayloadLimit(ILambdaInvoker inner, ILogger<SynchronousPayloadLimit> logger) : ILambdaInvoker
{
    public async Task<byte[]> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken)
    {
        if (payload.Length > LambdaQuotas.SynchronousPayloadBytes)
        {
            logger.LogWarning("Invocation of {Function} refused: request payload of {Bytes} bytes", functionName, payload.Length);
            throw new LambdaFunctionException(
                LambdaQuotas.RequestTooLarge,
                $"{payload.Length} byte payload is too large for the RequestResponse invocation type (limit {LambdaQuotas.SynchronousPayloadBytes} bytes)");
        }

        var response = await inner.InvokeAsync(functionName, payload, cancellationToken);
        if (response.Length > LambdaQuotas.SynchronousPayloadBytes)
        {
            logger.LogWarning("Invocation of {Function} failed: response payload of {Bytes} bytes", functionName, response.Length);
            throw new LambdaFunctionException(LambdaQuotas.ResponseSizeTooLarge, LambdaQuotas.ResponseTooLargeMessage(response.Length));
        }

        return response;
    }
}
