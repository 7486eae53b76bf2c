using System.Collections;
using Microsoft.Extensions.Logging.Abstractions;
using RealtimeCalendar.Functions.Bootstrap;

namespace RealtimeCalendar.Functions.Tests.Settings;

/// <summary>How the composition root turns the Web Push settings into the offline channel.</summary>
public sealed class WebPushServicesTests
{
    private static readonly Hashtable Tables = new() { ["EVENTS_TABLE"] = "events", ["CONNECTIONS_TABLE"] = "connections", ["SESSIONS_TABLE"] = "sessions", ["REMINDERS_TABLE"] = "reminders" };

    [Fact]
    public void Without_a_vapid_key_pair_there_is_no_offline_channel_and_reminders_reach_sockets_only()
    {
        using var services = new FunctionServices(FunctionSettings.FromVariables(Tables), NullLoggerFactory.Instance, TimeProvider.System);
        Assert.Null(services.OfflineReminders);
    }

    [Fact]
    public void With_one_the_offline_channel_is_web_push()
    {
        var settings = FunctionSettings.FromVariables(Tables) with
        {
            PushSubscriptionsTable = "push-subscriptions",
            WebPush = new WebPushSettings { PublicKey = "BPublicKey", Subject = "mailto:ops@example.com", PrivateKeyFile = "/nowhere/vapid-private-key" },
        };
        using var services = new FunctionServices(settings, NullLoggerFactory.Instance, TimeProvider.System);
        Assert.IsType<WebPush.WebPushReminderChannel>(services.OfflineReminders);
    }
}
