using System.Collections.Concurrent;
using RealtimeCalendar.Core.Realtime;

namespace RealtimeCalendar.Core.Tests.Realtime;

/// <summary>
/// Records every post and answers each connection from its script in order (an exception in a script is thrown);
/// unscripted posts are delivered. Optionally holds every post at a gate to observe how many run at once.
/// </summary>
public sealed class ScriptedPublisher : IConnectionPublisher
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<object>> scripts = new();
    private readonly ConcurrentQueue<(string ConnectionId, byte[] Message)> posts = new();
    private readonly ConcurrentDictionary<string, Task> holds = new();
    private int inFlight;
    private int maxInFlight;

    /// <summary>When set, each post waits for it, so concurrent posts pile up.</summary>
    public Task? Gate { get; set; }

    public IReadOnlyList<(string ConnectionId, byte[] Message)> Posts => [.. posts];

    public int InFlight => Volatile.Read(ref inFlight);

    public int MaxInFlight => Volatile.Read(ref maxInFlight);

    /// <summary>Each step is a <see cref="PostOutcome"/> to return or an <see cref="Exception"/> to throw.</summary>
    public void Script(string connectionId, params object[] steps) =>
        scripts[connectionId] = new ConcurrentQueue<object>(steps);

    /// <summary>Posts to this connection wait for <paramref name="gate"/>, so it falls behind the others.</summary>
    public void Hold(string connectionId, Task gate) => holds[connectionId] = gate;

    public IReadOnlyList<byte[]> MessagesTo(string connectionId) => [.. posts.Where(p => p.ConnectionId == connectionId).Select(p => p.Message)];

    public int PostsTo(string connectionId) => posts.Count(p => p.ConnectionId == connectionId);

    public async Task<PostOutcome> PostAsync(string connectionId, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        posts.Enqueue((connectionId, message.ToArray()));
        var now = Interlocked.Increment(ref inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref maxInFlight)) && Interlocked.CompareExchange(ref maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            if (holds.TryGetValue(connectionId, out var hold))
                await hold.WaitAsync(cancellationToken);
            else if (Gate is { } gate)
                await gate.WaitAsync(cancellationToken);
            else
                await Task.Yield();

            if (!scripts.TryGetValue(connectionId, out var script) || !script.TryDequeue(out var step))
                return PostOutcome.Delivered;
            return step switch
            {
                PostOutcome outcome => outcome,
                Exception exception => throw exception,
                _ => throw new InvalidOperationException($"Unknown script step {step}"),
            };
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }
}
