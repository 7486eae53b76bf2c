using RealtimeCalendar.Deploy.Functions;
using RealtimeCalendar.Functions.Routing;

namespace RealtimeCalendar.Deploy.Tests.Functions;

/// <summary>What each function may touch, stated independently of the profiles so a widened grant shows up here.</summary>
public sealed class FunctionProfileTests
{
    public static TheoryData<string, string> ExpectedTableAccess => new()
    {
        { FunctionNames.CalendarApi, "events:ReadWrite,reminders:Get,sessions:Count" },
        { FunctionNames.Auth, "sessions:ReadWrite" },
        { FunctionNames.WsConnect, "connections:ReadWrite,reminders:Query,reminders:Update,sessions:ReadWrite" },
        { FunctionNames.WsDefault, "" },
        { FunctionNames.Notify, "connections:ReadDelete" },
        { FunctionNames.Chat, "events:ReadWrite,reminders:Get,sessions:Count" },
        { FunctionNames.GoogleSync, "events:ReadWrite,reminders:Get,sessions:ReadWrite" },
        { FunctionNames.GooglePush, "events:ReadWrite,reminders:Get,sessions:ReadWrite" },
        { FunctionNames.PushSubscriptions, "push-subscriptions:ReadWrite,sessions:Count" },
        { FunctionNames.Reminders, "connections:ReadDelete,events:Query@byReminderDue,events:Update,push-subscriptions:ReadDelete,reminders:Query@byRetry,reminders:Records" },
        { FunctionNames.RemindersApi, "connections:ReadDelete,events:Read,events:Update,reminders:Records,sessions:Count" },
    };

    [Theory]
    [MemberData(nameof(ExpectedTableAccess))]
    public void Each_function_is_granted_only_the_tables_it_works_with(string function, string expected)
    {
        var granted = string.Join(",", FunctionProfiles.For(function).Tables
            .Select(g => $"{g.Table.LogicalName}:{g.Access}" + (g.Index is null ? "" : "@" + g.Index))
            .Order());
        Assert.Equal(expected, granted);
    }

    [Fact]
    public void Table_access_never_includes_scans_batch_writes_or_table_administration()
    {
        string[] itemActions = ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"];
        foreach (var access in Enum.GetValues<TableAccess>())
            Assert.Subset(itemActions.ToHashSet(), TableAccessActions.For(access).ToHashSet());

        Assert.DoesNotContain("dynamodb:PutItem", TableAccessActions.For(TableAccess.ReadDelete));
        Assert.DoesNotContain("dynamodb:DeleteItem", TableAccessActions.For(TableAccess.Read));
        Assert.Equal(["dynamodb:UpdateItem"], TableAccessActions.For(TableAccess.Count));
    }

    [Fact]
    public void Only_notify_and_the_reminder_functions_manage_connections_and_only_chat_the_google_functions_and_the_reminder_sender_read_secrets()
    {
        Assert.Equal(
            [FunctionNames.Notify, FunctionNames.Reminders, FunctionNames.RemindersApi],
            FunctionProfiles.All.Where(p => p.ManagesConnections).Select(p => p.Name).Order());
        Assert.Equal(
            [FunctionNames.Chat, FunctionNames.GooglePush, FunctionNames.GoogleSync, FunctionNames.Reminders],
            FunctionProfiles.All.Where(p => p.Secrets.Count > 0).Select(p => p.Name).Order());
    }

    [Fact]
    public void Every_function_fits_the_128_to_256_mb_budget_and_the_api_gateway_timeout()
    {
        // notify and google-push are stream triggers, reminders runs on a schedule: none of them answers API Gateway.
        Assert.All(FunctionProfiles.All, p =>
        {
            Assert.InRange(p.MemoryMb, 128, 256);
            // Stream readers are not behind API Gateway; the sweep must end within its minute so sweeps do not pile up.
            var ceiling = p.Name switch
            {
                FunctionNames.Notify or FunctionNames.GooglePush => 900,
                FunctionNames.Reminders => 59,
                _ => 30,
            };
            Assert.InRange(p.Timeout, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(ceiling));
        });
    }
}
