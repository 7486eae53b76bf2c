// Stands in for Amazon.Lambda.RuntimeSupport's IRuntimeApiClient (why our own: src/decisions/0001-own-small-clients.md); same Runtime API 2018-06-01 calls.
namespace RealtimeCalendar.Lambda.Runtime;

/// <summary>The Lambda Runtime API as the bootstrap loop uses it; the seam a test or another host can replace.</summary>
public interface IRuntimeApiClient
{
    /// <summary>Long-polls <c>invocation/next</c>: returns only when Lambda has an event for this environment.</summary>
    Task<InvocationRequest> GetNextInvocationAsync(CancellationToken cancellationToken);

    Task SendResponseAsync(string requestId, ReadOnlyMemory<byte> response, CancellationToken cancellationToken);

    Task ReportInvocationErrorAsync(string requestId, RuntimeErrorReport error, CancellationToken cancellationToken);

    Task ReportInitializationErrorAsync(RuntimeErrorReport error, CancellationToken cancellationToken);
}
