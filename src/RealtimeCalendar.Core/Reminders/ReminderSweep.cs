using System.Text.Json;
using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Realtime;

namespace RealtimeCalendar.Core.Reminders;

/// <summary>
/// The once-a-minute sweep (the <c>reminders</c> function). It reads what is due up to the schedule's time from the
/// sparse due index of the Events table, and what waits for another try from the retry index of the Reminders table
/// (never a scan of either), and sends each reminder to every open socket of its owner:
/// <list type="number">
/// <item>for each due event, the reminders due between its entry's minute and now (one entry may stand for several, when
/// sweeps were missed); those more than <see cref="ReminderLimits.LateLimit"/> late are dropped;</item>
/// <item>each reminder is claimed by a conditional put of its record (its id names event, occurrence and minutes), so
/// it is sent at most once however often sweeps overlap or retry; a dismissed one is never sent again;</item>
/// <item>the event's entry moves to its next due reminder (the next occurrence for a series), conditional on the event
/// being unchanged since the read: if it was edited or deleted meanwhile, its own write already set its entry, the
/// claims are released and nothing is sent for the old state;</item>
/// <item>each user's reminders go out in one fan-out; a reminder that reached a socket is <see cref="ReminderState.Shown"/>,
/// one whose owner had none open <see cref="ReminderState.Waiting"/> (for the next tab that connects, and handed to the
/// offline channel when one is configured), one that failed stays claimed and is sent again a minute later with the same id.</item>
/// </list>
/// </summary>
public sealed class ReminderSweep(
    IReminderIndex index,
    IReminderStore store,
    IConnectionStore connections,
    ChangeFanOut fanOut,
    IOfflineReminderChannel? offline,
    ReminderSweepOptions options,
    TimeProvider time,
    ILogger<ReminderSweep> logger)
{
    /// <summary>
    /// Sweeps what is due at <paramref name="scheduledTime"/> (the Scheduler's time, not this host's clock, so a
    /// replayed or late invocation sweeps the minute it was meant for). Users not started by <paramref name="stopBy"/>
    /// are left for the next sweep.
    /// </summary>
    public async Task<ReminderSweepReport> RunAsync(DateTimeOffset scheduledTime, DateTimeOffset stopBy, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var tally = new Tally();

        var due = await Task.WhenAll(ReminderShards.All.Select(shard => index.QueryDueAsync(shard, scheduledTime, options.MaxEntriesPerShard, cancellationToken)));
        tally.Add(due.Sum(d => d.Queries), due.Sum(d => d.ReadUnits));
        var entries = due.SelectMany(d => d.Entries).ToList();
        tally.Entries = entries.Count;
        // Whose sockets are open, looked up side by side first: the users someone is watching are served first, and the
        // others' reminders are recorded as waiting in one write each.
        var sockets = await SocketsOfAsync(entries.Select(e => e.Event.UserId).Distinct(StringComparer.Ordinal), tally, cancellationToken);
        var watchedFirst = entries.OrderByDescending(e => sockets[e.Event.UserId].Count > 0).ToList();
        await ForEachUserAsync(
            watchedFirst, e => e.Event.UserId, stopBy, tally,
            (userId, mine, token) => SweepDueAsync(userId, mine, sockets[userId], scheduledTime, tally, token), cancellationToken);

        var retries = await Task.WhenAll(ReminderShards.All.Select(shard => store.QueryRetryDueAsync(shard, scheduledTime, options.MaxEntriesPerShard, cancellationToken)));
        tally.Add(retries.Sum(r => r.Queries), retries.Sum(r => r.ReadUnits));
        var records = retries.SelectMany(r => r.Entries).ToList();
        await ForEachUserAsync(records, r => r.UserId, stopBy, tally, (userId, mine, token) => RetryAsync(userId, mine, scheduledTime, tally, token), cancellationToken);

        var report = tally.Report(scheduledTime, time.GetElapsedTime(started));
        logger.Log(
            report.Failed > 0 || report.Deferred > 0 ? LogLevel.Warning : LogLevel.Information,
            "Reminder sweep for {ScheduledTime}: {Entries} due events, {Sent} sent, {Waiting} waiting for a tab, {Failed} failed, {Dropped} dropped as late, " +
            "{AlreadyClaimed} already claimed, {Changed} changed meanwhile, {Retried} retried, {Missed} missed, {Deferred} users deferred; " +
            "{SocketLookups} socket look-ups, {IndexQueries} index queries, {ReadUnits} read units, {ElapsedMs} ms",
            report.ScheduledTime, report.Entries, report.Sent, report.Waiting, report.Failed, report.Dropped, report.AlreadyClaimed, report.Changed,
            report.Retried, report.Missed, report.Deferred, report.SocketLookups, report.IndexQueries, report.ReadUnits, (long)report.Elapsed.TotalMilliseconds);
        return report;
    }

    private async Task ForEachUserAsync<T>(
        List<T> items, Func<T, string> owner, DateTimeOffset stopBy, Tally tally,
        Func<string, List<T>, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
            return;
        var users = items.GroupBy(owner, StringComparer.Ordinal).Select(g => (UserId: g.Key, Items: g.ToList()));
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(users, parallel, async (user, token) =>
        {
            if (time.GetUtcNow() >= stopBy)
            {
                Interlocked.Increment(ref tally.Deferred);
                return;
            }

            await work(user.UserId, user.Items, token);
        });
    }

    private async Task<Dictionary<string, IReadOnlyList<ConnectionRecord>>> SocketsOfAsync(IEnumerable<string> users, Tally tally, CancellationToken cancellationToken)
    {
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<ConnectionRecord>>(StringComparer.Ordinal);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(users, parallel, async (userId, token) =>
        {
            found[userId] = await connections.ListByUserAsync(userId, token);
            Interlocked.Increment(ref tally.SocketLookups);
        });
        return new Dictionary<string, IReadOnlyList<ConnectionRecord>>(found, StringComparer.Ordinal);
    }

    private async Task SweepDueAsync(
        string userId, List<ReminderIndexEntry> entries, IReadOnlyList<ConnectionRecord> sockets, DateTimeOffset now, Tally tally, CancellationToken cancellationToken)
    {
        var afterNow = ReminderSchedule.MinuteOf(now).AddMinutes(1);
        // With no socket open the claim is the record's final state for now: waiting for a tab, off the retry index.
        var claimAs = sockets.Count > 0 ? ReminderState.Sending : ReminderState.Waiting;
        var claimed = new List<(ReminderNotice Notice, DateTimeOffset FireAt)>();
        foreach (var entry in entries)
        {
            var e = entry.Event;
            var mine = new List<DueReminder>();
            foreach (var reminder in ReminderSchedule.Between(e, entry.Due.Minutes, entry.Due.DueAt, now))
            {
                if (now - reminder.DueAt > ReminderLimits.LateLimit)
                {
                    Interlocked.Increment(ref tally.Dropped);
                    logger.LogInformation(
                        "Reminder {ReminderId} of {UserId} dropped: due {DueAt}, first seen {LateMinutes} minutes late",
                        reminder.Notice.ReminderId, userId, reminder.DueAt, (int)(now - reminder.DueAt).TotalMinutes);
                    continue;
                }

                var record = new ReminderRecord(
                    userId, reminder.Notice, reminder.DueAt, reminder.DueAt, claimAs, claimAs == ReminderState.Sending ? now + ReminderLimits.RetryDelay : null);
                if (await store.ClaimAsync(record, cancellationToken) is null)
                    mine.Add(reminder);
                else
                    Interlocked.Increment(ref tally.AlreadyClaimed);
            }

            var next = ReminderPlanner.Plan(e, entry.Due.Minutes, afterNow);
            if (!await index.MoveAsync(userId, e.EventId, e.Version, entry.Due.DueAt, next, cancellationToken))
            {
                Interlocked.Increment(ref tally.Changed);
                foreach (var reminder in mine)
                    await store.ReleaseAsync(userId, reminder.Notice.ReminderId, claimAs, cancellationToken);
                logger.LogInformation("Event {EventId} of {UserId} changed during the sweep; its own write set its next reminder", e.EventId, userId);
                continue;
            }

            claimed.AddRange(mine.Select(r => (r.Notice, r.DueAt)));
        }

        if (claimAs == ReminderState.Sending)
        {
            await DeliverAsync(userId, sockets, claimed, tally, cancellationToken);
            return;
        }

        foreach (var (notice, _) in claimed)
        {
            Interlocked.Increment(ref tally.Waiting);
            await SendOfflineAsync(userId, notice, cancellationToken);
        }
    }

    private async Task RetryAsync(string userId, List<ReminderRecord> records, DateTimeOffset now, Tally tally, CancellationToken cancellationToken)
    {
        var taken = new List<(ReminderNotice Notice, DateTimeOffset FireAt)>();
        var handedOffline = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.State is not (ReminderState.Sending or ReminderState.Waiting or ReminderState.Snoozed))
                continue;
            Interlocked.Increment(ref tally.Retried);
            var id = record.Notice.ReminderId;
            if (now - record.FireAt > ReminderLimits.LateLimit)
            {
                if (await store.MoveAsync(userId, id, record.State, record.FireAt, ReminderState.Missed, retryAt: null, cancellationToken))
                    Interlocked.Increment(ref tally.Missed);
                logger.LogInformation("Reminder {ReminderId} of {UserId} missed: never shown within {LateLimit} of {FireAt}", id, userId, ReminderLimits.LateLimit, record.FireAt);
                continue;
            }

            // Taken back into Sending first, so a sweep overlapping this one does not send it too.
            if (await store.MoveAsync(userId, id, record.State, record.FireAt, ReminderState.Sending, now + ReminderLimits.RetryDelay, cancellationToken))
            {
                taken.Add((record.Notice, record.FireAt));
                // A waiting reminder woken by a connect went to the offline channel when it fired; a snooze's end is a new firing.
                if (record.State == ReminderState.Waiting)
                    handedOffline.Add(id);
            }
        }

        if (taken.Count == 0)
            return;
        Interlocked.Increment(ref tally.SocketLookups);
        await DeliverAsync(userId, await connections.ListByUserAsync(userId, cancellationToken), taken, tally, cancellationToken, handedOffline);
    }

    private async Task DeliverAsync(
        string userId, IReadOnlyList<ConnectionRecord> sockets, List<(ReminderNotice Notice, DateTimeOffset FireAt)> reminders, Tally tally,
        CancellationToken cancellationToken, HashSet<string>? handedOffline = null)
    {
        if (reminders.Count == 0)
            return;
        var messages = reminders
            .Select(r => (ReadOnlyMemory<byte>)JsonSerializer.SerializeToUtf8Bytes(ReminderMessage.From(r.Notice), RealtimeJsonContext.Default.ReminderMessage))
            .ToList();
        var results = await fanOut.SendInOrderAsync(userId, sockets, messages, cancellationToken);
        for (var i = 0; i < reminders.Count; i++)
        {
            var (notice, fireAt) = reminders[i];
            var result = results[i];
            if (result.Failed > 0)
            {
                // Stays Sending with its RetryAt: the next sweep sends it again, with the same id.
                Interlocked.Increment(ref tally.Failed);
                logger.LogWarning("Reminder {ReminderId} of {UserId} reached {Delivered} sockets, failed on {FailedSockets}; sent again next minute", notice.ReminderId, userId, result.Delivered, result.Failed);
            }
            else if (result.Delivered > 0)
            {
                await store.MoveAsync(userId, notice.ReminderId, ReminderState.Sending, fireAt, ReminderState.Shown, retryAt: null, cancellationToken);
                Interlocked.Increment(ref tally.Sent);
                logger.LogInformation(
                    "Reminder {ReminderId} of {UserId}, due {FireAt}, sent to {Delivered} sockets", notice.ReminderId, userId, fireAt, result.Delivered);
            }
            else
            {
                await store.MoveAsync(userId, notice.ReminderId, ReminderState.Sending, fireAt, ReminderState.Waiting, retryAt: null, cancellationToken);
                Interlocked.Increment(ref tally.Waiting);
                if (handedOffline?.Contains(notice.ReminderId) != true)
                    await SendOfflineAsync(userId, notice, cancellationToken);
            }
        }
    }

    private async Task SendOfflineAsync(string userId, ReminderNotice notice, CancellationToken cancellationToken)
    {
        if (offline is null)
        {
            logger.LogInformation(
                "Reminder {ReminderId} of {UserId} not delivered offline: no socket open and no offline channel configured; it waits for a tab", notice.ReminderId, userId);
            return;
        }

        try
        {
            await offline.SendAsync(userId, notice, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The reminder still waits for a tab; one channel's trouble must not stop the sweep.
            logger.LogWarning(exception, "Offline delivery of reminder {ReminderId} to {UserId} failed", notice.ReminderId, userId);
        }
    }

    /// <summary>The counts of one sweep, updated from parallel users.</summary>
    private sealed class Tally
    {
        public int Entries;
        public int Sent;
        public int Waiting;
        public int Failed;
        public int Dropped;
        public int AlreadyClaimed;
        public int Changed;
        public int Retried;
        public int Missed;
        public int Deferred;
        public int SocketLookups;
        private int queries;
        private double readUnits;

        public void Add(int queryCount, double units)
        {
            queries += queryCount;
            readUnits += units;
        }

        public ReminderSweepReport Report(DateTimeOffset scheduledTime, TimeSpan elapsed) => new(
            scheduledTime, Entries, Sent, Waiting, Failed, Dropped, AlreadyClaimed, Changed, Retried, Missed, Deferred, SocketLookups, queries, readUnits, elapsed);
    }
}
