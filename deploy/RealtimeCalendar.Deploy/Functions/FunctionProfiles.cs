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
            [new(CalendarTables.Events, TableAccess.ReadWrite), new(CalendarTables.Sessions, TableAccess.Count)],
            []),
        new(FunctionNames.Auth, FunctionMemory.MegabytesFor(FunctionNames.Auth), TimeSpan.FromSeconds(10), [new(CalendarTables.Sessions, TableAccess.ReadWrite)], []),
        new(
            FunctionNames.WsConnect,
            FunctionMemory.MegabytesFor(FunctionNames.WsConnect),
            TimeSpan.FromSeconds(10),
            [new(CalendarTables.Connections, TableAccess.ReadWrite), new(CalendarTables.Sessions, TableAccess.ReadWrite)],
            []),
        new(FunctionNames.WsDefault, FunctionMemory.MegabytesFor(FunctionNames.WsDefault), TimeSpan.FromSeconds(5), [], []),
        // Fan-out waits on retried PostToConnection calls (memory sizes and why: FunctionMemory).
        new(FunctionNames.Notify, FunctionMemory.MegabytesFor(FunctionNames.Notify), TimeSpan.FromSeconds(60), [new(CalendarTables.Connections, TableAccess.ReadDelete)], [], ManagesConnections: true),
        // A model round trip with tool calls can take many seconds; API Gateway gives up at 30 s anyway.
        new(
            FunctionNames.Chat,
            FunctionMemory.MegabytesFor(FunctionNames.Chat),
            TimeSpan.FromSeconds(29),
            [new(CalendarTables.Events, TableAccess.ReadWrite), new(CalendarTables.Sessions, TableAccess.Count)],
            [SecretParameters.OpenAiApiKey]),
        new(
            FunctionNames.GoogleSync,
            FunctionMemory.MegabytesFor(FunctionNames.GoogleSync),
            TimeSpan.FromSeconds(29),
            [new(CalendarTables.Events, TableAccess.ReadWrite), new(CalendarTables.Sessions, TableAccess.ReadWrite)],
            [SecretParameters.GoogleClientSecret],
            OwnedParameterPath: GoogleSettings.DefaultTokenParameterPrefix,
            EntryPoint: GoogleBootstrap),
        // Reads the Events stream (granted with its trigger) and pushes each local change to the user's Google calendar.
        new(
            FunctionNames.GooglePush,
            FunctionMemory.MegabytesFor(FunctionNames.GooglePush),
            TimeSpan.FromSeconds(60),
            [new(CalendarTables.Events, TableAccess.ReadWrite), new(CalendarTables.Sessions, TableAccess.ReadWrite)],
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
        // The reminder sweep's Web Push part: it lists a user's subscriptions, deletes those a push service answers 404/410
        // for, and alone reads the VAPID private key. (The sweep's own tables and its socket fan-out join this profile with it.)
        new(
            FunctionNames.Reminders,
            FunctionMemory.MegabytesFor(FunctionNames.Reminders),
            TimeSpan.FromSeconds(60),
            [new(CalendarTables.PushSubscriptions, TableAccess.ReadDelete)],
            [SecretParameters.VapidPrivateKey]),
    ];

    public static FunctionProfile For(string functionName) =>
        All.FirstOrDefault(p => p.Name == functionName)
        ?? throw new InvalidOperationException(
            $"Function '{functionName}' is in the bootstrap's catalog but has no profile in {nameof(FunctionProfiles)}: " +
            "declare its memory, timeout, tables and secrets there before it can be deployed.");
}
