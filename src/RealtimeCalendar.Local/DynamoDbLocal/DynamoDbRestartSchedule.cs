namespace RealtimeCalendar.Local.DynamoDbLocal;

/// <summary>Fault switch: restarts DynamoDB Local at a fixed interval for as long as the local cloud runs.</summary>
public sealed class DynamoDbRestartSchedule : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;

    public DynamoDbRestartSchedule(Func<CancellationToken, Task> restart, TimeSpan interval, TimeProvider time, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        loop = Task.Run(async () =>
        {
            while (!stopping.Token.IsCancellationRequested)
            {
                await Task.Delay(interval, time, stopping.Token);
                try
                {
                    await restart(stopping.Token);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
                {
                    logger.LogError(exception, "Scheduled DynamoDB Local restart failed");
                }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
            // Expected on shutdown.
        }

        stopping.Dispose();
    }
}
