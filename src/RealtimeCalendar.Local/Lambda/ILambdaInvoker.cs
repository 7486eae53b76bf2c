namespace RealtimeCalendar.Local.Lambda;

/// <summary>Plays the Lambda service: invokes a named function with a JSON payload and returns its JSON result.</summary>
public interface ILambdaInvoker
{
    Task<byte[]> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken);
}
