using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace RealtimeCalendar.Core.Realtime;

/// <summary>
/// Pushes a batch of stream changes to their owners' sockets. Users are served in parallel; one user's changes
/// go strictly in stream order, and after a change that could not be delivered that user's later changes are
/// held back too, so a retry never lets a newer version overtake an older one.
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
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            var message = JsonSerializer.SerializeToUtf8Bytes(ChangeMessage.From(change), RealtimeJsonContext.Default.ChangeMessage);
            var result = await fanOut.SendAsync(change.UserId, message, cancellationToken);
            if (!result.Complete)
            {
                logger.LogWarning(
                    "Change {Sequence} of event {EventId} for {UserId} reached {Delivered} of {Total} sockets; it and {Later} later changes will be retried",
                    change.Sequence, change.EventId, change.UserId, result.Delivered, result.Delivered + result.Failed, changes.Count - i - 1);
                return changes.Skip(i).Select(c => c.Sequence).ToList();
            }
        }

        return [];
    }
}
