namespace RealtimeCalendar.Core.Realtime;

/// <summary>Sends one message to one socket (API Gateway's Management API PostToConnection).</summary>
public interface IConnectionPublisher
{
    Task<PostOutcome> PostAsync(string connectionId, ReadOnlyMemory<byte> message, CancellationToken cancellationToken);
}
