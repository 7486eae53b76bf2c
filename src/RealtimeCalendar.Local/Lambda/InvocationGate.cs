namespace RealtimeCalendar.Local.Lambda;

/// <summary>
/// Lets the local cloud hold every function invocation (HTTP, WebSocket, stream) for a moment: <see cref="CloseAsync"/>
/// stops new invocations and waits for those in flight, <see cref="Open"/> lets the held ones go. Used while DynamoDB
/// Local restarts: real DynamoDB never goes away, so clients should see a slow answer, not a 5xx the product would
/// never give. What the restart exercises is the stream poller, which reads DynamoDB Local directly and is not held.
/// </summary>
public sealed class InvocationGate(ILambdaInvoker inner) : ILambdaInvoker
{
    private readonly Lock sync = new();
    private TaskCompletionSource? reopened;
    private TaskCompletionSource? drained;
    private int inFlight;

    public async Task<byte[]> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (sync)
            {
                if (reopened is null)
                {
                    inFlight++;
                    break;
                }

                wait = reopened.Task;
            }

            await wait.WaitAsync(cancellationToken);
        }

        try
        {
            return await inner.InvokeAsync(functionName, payload, cancellationToken);
        }
        finally
        {
            lock (sync)
            {
                if (--inFlight == 0)
                    drained?.TrySetResult();
            }
        }
    }

    /// <summary>Holds new invocations and waits (at most <paramref name="drainTimeout"/>) for those in flight to finish.</summary>
    /// <returns>False when some were still running at the timeout.</returns>
    public async Task<bool> CloseAsync(TimeSpan drainTimeout, CancellationToken cancellationToken)
    {
        Task drainedTask;
        lock (sync)
        {
            if (reopened is not null)
                throw new InvalidOperationException("The gate is already closed.");
            reopened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (inFlight == 0)
                return true;
            drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            drainedTask = drained.Task;
        }

        try
        {
            await drainedTask.WaitAsync(drainTimeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Lets held and new invocations run again.</summary>
    public void Open()
    {
        lock (sync)
        {
            reopened?.TrySetResult();
            reopened = null;
            drained = null;
        }
    }
}
