using RealtimeCalendar.Aws.Tables;

namespace RealtimeCalendar.Deploy.Functions;

/// <summary>
/// One table a function may use, and how. With <paramref name="Index"/> the grant covers that one index and nothing
/// else (a Query of it); without, the table, and its indexes too when the actions include Query.
/// </summary>
public sealed record TableGrant(TableDefinition Table, TableAccess Access, string? Index = null);
