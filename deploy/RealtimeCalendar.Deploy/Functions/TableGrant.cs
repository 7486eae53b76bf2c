using RealtimeCalendar.Aws.Tables;

namespace RealtimeCalendar.Deploy.Functions;

/// <summary>One table a function may use, and how.</summary>
public sealed record TableGrant(TableDefinition Table, TableAccess Access);
