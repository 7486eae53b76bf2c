using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace RealtimeCalendar.Core.Realtime;

/// <summary>
/// Pushes a batch of stream changes to their owners' sockets. Users are served in parallel; each socket gets its
/// user's changes strictly in stream order (see <see cref="ChangeFanOut.SendInOrderAsync"/>), and from the first
/// change that some socket did not get, that user's changes are returned for retry, so a retry never lets a newer
/// version overtake an older one. Sockets that already had a retried change get it again; tabs ignore versions
/// they have.
/// </summary>
public sealed class ChangeNotifier(ChangeFanOut fanOut, ILogger<ChangeNotifier> logger)
{
    /// <summary>Returns the sequence numbers that must be retried (empty when everything was delivered).</summary>
    public async Task<IReadOnlyList<string>> NotifyAsync(IReadOnlyList<EventChange> changes, CancellationToken cancellationToken)
    {
        var failed = new List<string>();
        var byUser = changes.GroupBy(c => c.UserId, StringComparer.Ordinal);
        var results = await Task.WhenAll(byUser.Select(group => NotifyUserAsync(group.ToList(), cancellationToken)));
        foreach (var userFailures in results)
            failed.AddRange(userFailures);
        return failed;
    }

    private async Task<List<string>> NotifyUserAsync(List<EventChange> changes, CancellationToken cancellationToken)
    {
        var messages = changes
            .Select(change => (ReadOnlyMemory<byte>)JsonSerializer.SerializeToUtf8Bytes(ChangeMessage.From(change), RealtimeJsonContext.Default.ChangeMessage))
            .ToList();
        var results = await fanOut.SendInOrderAsync(changes[0].UserId, messages, cancellationToken);
        for (var i = 0; i < changes.Count; i++)
        {
            if (!results[i].Complete)
            {
                var change = changes[i];
                logger.LogWarning(
                    "Change {Sequence} of event {EventId} for {UserId} reached {Delivered} of {Total} sockets; it and {Later} later changes will be retried",
                    change.Sequence, change.EventId, change.UserId, results[i].Delivered, results[i].Delivered + results[i].Failed, changes.Count - i - 1);
                return changes.Skip(i).Select(c => c.Sequence).ToList();
            }
        }

        return [];
    }
}
