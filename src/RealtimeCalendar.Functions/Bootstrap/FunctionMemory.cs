using RealtimeCalendar.Functions.Routing;

namespace RealtimeCalendar.Functions.Bootstrap;

/// <summary>
/// Each function's configured memory in MB (Lambda's <c>MemorySize</c>, which also sets its share of CPU). Defined once:
/// the CDK stack deploys these sizes, and the local cloud's Lambda sandbox caps each bootstrap process at them.
/// </summary>
public static class FunctionMemory
{
    /// <returns>The memory size in MB (128 to 256 here; Lambda allows 128 to 10,240).</returns>
    /// <exception cref="ArgumentException">The name is not a function of the catalog.</exception>
    public static int MegabytesFor(string functionName) => functionName switch
    {
        // notify waits on retried posts, chat on model calls, the Google functions on Google: 256 MB also buys twice
        // the CPU of 128 MB, and calendar-api serves the largest answers (a week's list).
        // The reminder sweep fans out like notify, every user with a reminder due in that minute at once.
        FunctionNames.CalendarApi or FunctionNames.Notify or FunctionNames.Chat or FunctionNames.GoogleSync or FunctionNames.GooglePush
            or FunctionNames.Reminders => 256,
        FunctionNames.Auth or FunctionNames.WsConnect or FunctionNames.WsDefault or FunctionNames.PushSubscriptions or FunctionNames.RemindersApi => 128,
        _ => throw new ArgumentException($"Unknown function '{functionName}'. Known functions: {string.Join(", ", FunctionCatalog.Names)}.", nameof(functionName)),
    };
}
