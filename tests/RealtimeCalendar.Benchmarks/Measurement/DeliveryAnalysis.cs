using System.Diagnostics;
using RealtimeCalendar.Benchmarks.Workload;

namespace RealtimeCalendar.Benchmarks.Measurement;

/// <summary>Joins every socket's deliveries with the writes that caused them, by event id and version.</summary>
public static class DeliveryAnalysis
{
    /// <param name="ignored">Changes of earlier phases (warm-up): their deliveries are neither counted nor unmatched.</param>
    public static DeliveryOutcome Analyze(WorkloadResult workload, SocketFleet fleet, IReadOnlySet<(string EventId, long Version)> ignored)
    {
        var writes = new Dictionary<(string EventId, long Version), WriteRecord>();
        long expected = 0;
        foreach (var write in workload.Writes.Where(w => w.Succeeded))
        {
            writes[(write.EventId!, write.Version)] = write;
            expected += fleet.SocketsOf(write.UserIndex);
        }

        var fromResponse = new List<double>();
        var fromSend = new List<double>();
        var lastSocketAt = new Dictionary<WriteRecord, (int Sockets, long LastAt)>();
        long received = 0, duplicates = 0, unmatched = 0, outOfOrder = 0, beforeResponse = 0, otherFrames = 0;
        var lastDeliveryAt = workload.FinishedAt;

        foreach (var socket in fleet.Sockets)
        {
            otherFrames += socket.OtherFrames;
            var seen = new HashSet<(string, long)>();
            var newestByEvent = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var delivery in socket.Deliveries)
            {
                if (ignored.Contains((delivery.EventId, delivery.Version)))
                    continue;
                if (!writes.TryGetValue((delivery.EventId, delivery.Version), out var write) || write.UserIndex != socket.User.Index)
                {
                    unmatched++;
                    continue;
                }

                if (!seen.Add((delivery.EventId, delivery.Version)))
                {
                    duplicates++;
                    continue;
                }

                if (newestByEvent.TryGetValue(delivery.EventId, out var newest) && newest > delivery.Version)
                    outOfOrder++;
                else
                    newestByEvent[delivery.EventId] = delivery.Version;

                received++;
                lastDeliveryAt = Math.Max(lastDeliveryAt, delivery.ReceivedAt);
                var sinceResponse = Milliseconds(write.RespondedAt, delivery.ReceivedAt);
                if (sinceResponse < 0)
                    beforeResponse++;
                fromResponse.Add(sinceResponse);
                fromSend.Add(Milliseconds(write.SentAt, delivery.ReceivedAt));
                var (count, lastAt) = lastSocketAt.GetValueOrDefault(write);
                lastSocketAt[write] = (count + 1, Math.Max(lastAt, delivery.ReceivedAt));
            }
        }

        // "Every tab updated" latency, only for writes that reached all of their user's sockets.
        var lastSocket = lastSocketAt
            .Where(pair => pair.Value.Sockets == fleet.SocketsOf(pair.Key.UserIndex))
            .Select(pair => Milliseconds(pair.Key.RespondedAt, pair.Value.LastAt));
        var wallTime = Stopwatch.GetElapsedTime(workload.StartedAt, lastDeliveryAt);

        return new DeliveryOutcome(
            expected,
            received,
            expected - received,
            duplicates,
            unmatched,
            outOfOrder,
            beforeResponse,
            fleet.Sockets.Count(s => s.DroppedEarly),
            otherFrames,
            LatencySummary.Of(fromResponse),
            LatencySummary.Of(fromSend),
            LatencySummary.Of(lastSocket),
            received / wallTime.TotalSeconds,
            wallTime);
    }

    private static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}
