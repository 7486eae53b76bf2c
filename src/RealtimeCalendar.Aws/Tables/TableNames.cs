namespace RealtimeCalendar.Aws.Tables;

/// <summary>The physical table names a deployment uses: a prefix (stack or local instance) plus the logical name.</summary>
public sealed record TableNames(string Events, string Connections, string Sessions, string PushSubscriptions, string Reminders)
{
    public static TableNames WithPrefix(string prefix) =>
        new(
            prefix + CalendarTables.Events.LogicalName,
            prefix + CalendarTables.Connections.LogicalName,
            prefix + CalendarTables.Sessions.LogicalName,
            prefix + CalendarTables.PushSubscriptions.LogicalName,
            prefix + CalendarTables.Reminders.LogicalName);
}
