namespace RealtimeCalendar.Benchmarks.Measurement;

/// <summary>
/// Every tab's view held against the table: a (tab, event) pair diverges when the tab shows another version than the
/// table holds, or lacks the event; an event diverges when any of its owner's tabs does.
/// </summary>
public sealed record ViewComparison(int TabsCompared, int TabsNotLive, long PairsCompared, long DivergentPairs, int DivergentEvents, IReadOnlyList<string> Examples)
{
    public static ViewComparison Compare(
        IEnumerable<(string UserId, bool IsLive, IReadOnlyDictionary<string, long> View)> tabs,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> tableByUser)
    {
        var tabCount = 0;
        var notLive = 0;
        long pairs = 0, divergentPairs = 0;
        var divergentEvents = new HashSet<string>(StringComparer.Ordinal);
        var examples = new List<string>();
        foreach (var (userId, isLive, view) in tabs)
        {
            tabCount++;
            if (!isLive)
                notLive++;
            var table = tableByUser.GetValueOrDefault(userId) ?? new Dictionary<string, long>();
            foreach (var (eventId, version) in table)
            {
                pairs++;
                var shown = view.GetValueOrDefault(eventId, 0);
                if (shown == version)
                    continue;
                divergentPairs++;
                divergentEvents.Add(eventId);
                if (examples.Count < 10)
                    examples.Add($"user {userId} event {eventId}: table v{version}, tab shows {(shown == 0 ? "nothing" : "v" + shown)}{(isLive ? string.Empty : " (tab not live)")}");
            }

            foreach (var eventId in view.Keys.Where(id => !table.ContainsKey(id)))
            {
                divergentPairs++;
                divergentEvents.Add(eventId);
                if (examples.Count < 10)
                    examples.Add($"user {userId} event {eventId}: not in the table, tab shows v{view[eventId]}");
            }
        }

        return new ViewComparison(tabCount, notLive, pairs, divergentPairs, divergentEvents.Count, examples);
    }

    public bool Converged => DivergentPairs == 0 && TabsNotLive == 0;
}
