using RealtimeCalendar.Aws.Events;
using RealtimeCalendar.Aws.Reminders;
using RealtimeCalendar.Aws.Tables;
using RealtimeCalendar.Deploy.Secrets;
using RealtimeCalendar.Functions.Bootstrap;
using RealtimeCalendar.Functions.Routing;

namespace RealtimeCalendar.Deploy.Functions;

/// <summary>
/// The least-privilege profile of every function the bootstrap serves or is planned to serve. The stack deploys
/// <c>FunctionCatalog.Names</c>; a name there without a profile here stops synthesis, so a new function never
/// ships with guessed permissions.
/// </summary>
public static class FunctionProfiles
{
    /// <summary>The JIT host of the Google functions in the image (Dockerfile.lambda); Google.Apis is not AOT-compatible.</summary>
    public static IReadOnlyList<string> GoogleBootstrap { get; } = ["/opt/google-bootstrap/google-bootstrap"];

    public static IReadOnlyList<FunctionProfile> All { get; } =
    [
        // Every signed-in HTTP function counts its user's requests per minute in Sessions (REQUESTS_PER_USER_PER_MINUTE).
        new(
            FunctionNames.CalendarApi,
            FunctionMemory.MegabytesFor(FunctionNames.CalendarApi),
            TimeSpan.FromSeconds(10),
            [new(CalendarTables.Events, TableAccess.ReadWrite), new(CalendarTables.Sessions, TableAccess.Count), new(CalendarTables.Reminders, TableAccess.Get)],
            []),
        new(FunctionNames.Auth, FunctionMemory.MegabytesFor(FunctionNames.Auth), TimeSpan.FromSeconds(10), [new(CalendarTables.Sessions, TableAccess.ReadWrite)], []),
        new(
            FunctionNames.WsConnect,
            FunctionMemory.MegabytesFor(FunctionNames.WsConnect),
            TimeSpan.FromSeconds(10),
            // Records sockets and redeems tickets, and wakes the user's reminders that fired while no tab was open (a Query of
            // the user's records, an update each).
            [
                new(CalendarTables.Connections, TableAccess.ReadWrite), new(CalendarTables.Sessions, TableAccess.ReadWrite),
                new(CalendarTables.Reminders, TableAccess.Query), new(CalendarTables.Reminders, TableAccess.Update),
            ],
            []),
        new(FunctionNames.WsDefault, FunctionMemory.MegabytesFor(FunctionNames.WsDefault), TimeSpan.FromSeconds(5), [], []),
        // Fan-out waits on retried PostToConnection calls (memory sizes and why: FunctionMemory).
        new(FunctionNames.Notify, FunctionMemory.MegabytesFor(FunctionNames.Notify), TimeSpan.FromSeconds(60), [new(CalendarTables.Connections, TableAccess.ReadDelete)], [], ManagesConnections: true),
        // A model round trip with tool calls can take many seconds; API Gateway gives up at 30 s anyway.
        new(
            FunctionNames.Chat,
            FunctionMemory.MegabytesFor(FunctionNames.Chat),
            TimeSpan.FromSeconds(29),
            [new(CalendarTables.Events, TableAccess.ReadWrite), new(CalendarTables.Sessions, TableAccess.Count), new(CalendarTables.Reminders, TableAccess.Get)],
            [SecretParameters.OpenAiApiKey]),
        new(
            FunctionNames.GoogleSync,
            FunctionMemory.MegabytesFor(FunctionNames.GoogleSync),
            TimeSpan.FromSeconds(29),
            [new(CalendarTables.Events, TableAccess.ReadWrite), new(CalendarTables.Sessions, TableAccess.ReadWrite), new(CalendarTables.Reminders, TableAccess.Get)],
            [SecretParameters.GoogleClientSecret],
            OwnedParameterPath: GoogleSettings.DefaultTokenParameterPrefix,
            EntryPoint: GoogleBootstrap),
        // Reads the Events stream (granted with its trigger) and pushes each local change to the user's Google calendar.
        new(
            FunctionNames.GooglePush,
            FunctionMemory.MegabytesFor(FunctionNames.GooglePush),
            TimeSpan.FromSeconds(60),
            // A push that meets a conflict pulls, and pulled events get their reminders planned (the defaults read).
            [new(CalendarTables.Events, TableAccess.ReadWrite), new(CalendarTables.Sessions, TableAccess.ReadWrite), new(CalendarTables.Reminders, TableAccess.Get)],
            [SecretParameters.GoogleClientSecret],
            ReadParameterPath: GoogleSettings.DefaultTokenParameterPrefix,
            EntryPoint: GoogleBootstrap),
        // Stores and removes browsers' subscriptions; needs only the public key, which is not a secret.
        new(
            FunctionNames.PushSubscriptions,
            FunctionMemory.MegabytesFor(FunctionNames.PushSubscriptions),
            TimeSpan.FromSeconds(10),
            [new(CalendarTables.PushSubscriptions, TableAccess.ReadWrite), new(CalendarTables.Sessions, TableAccess.Count)],
            []),
        // The sweep: queries the two sparse due indexes (never the tables), moves an event's next reminder (UpdateItem),
        // claims and settles fired reminders by key, fans out like notify. Under a minute, so sweeps do not pile up.
        new(
            FunctionNames.Reminders,
            FunctionMemory.MegabytesFor(FunctionNames.Reminders),
            TimeSpan.FromSeconds(55),
            [
                new(CalendarTables.Events, TableAccess.Query, EventItem.ByReminderDueIndex),
                new(CalendarTables.Events, TableAccess.Update),
                new(CalendarTables.Reminders, TableAccess.Records),
                new(CalendarTables.Reminders, TableAccess.Query, ReminderItem.ByRetryIndex),
                new(CalendarTables.Connections, TableAccess.ReadDelete),
                // Web Push to owners with no socket open: list a user's subscriptions, drop those the push service
                // answers 404/410 for; the one function given the VAPID private key.
                new(CalendarTables.PushSubscriptions, TableAccess.ReadDelete),
            ],
            [SecretParameters.VapidPrivateKey],
            ManagesConnections: true),
        // Default reminders (read and write; saving them moves the pending reminder of every event that uses them, found
        // through the Events range indexes), dismiss and snooze (by key), each pushed to the user's sockets.
        new(
            FunctionNames.RemindersApi,
            FunctionMemory.MegabytesFor(FunctionNames.RemindersApi),
            TimeSpan.FromSeconds(10),
            [
                new(CalendarTables.Events, TableAccess.Read),
                new(CalendarTables.Events, TableAccess.Update),
                new(CalendarTables.Reminders, TableAccess.Records),
                new(CalendarTables.Sessions, TableAccess.Count),
                new(CalendarTables.Connections, TableAccess.ReadDelete),
            ],
            [],
            ManagesConnections: true),
    ];

    public static FunctionProfile For(string functionName) =>
        All.FirstOrDefault(p => p.Name == functionName)
        ?? throw new InvalidOperationException(
            $"Function '{functionName}' is in the bootstrap's catalog but has no profile in {nameof(FunctionProfiles)}: " +
            "declare its memory, timeout, tables and secrets there before it can be deployed.");
}
