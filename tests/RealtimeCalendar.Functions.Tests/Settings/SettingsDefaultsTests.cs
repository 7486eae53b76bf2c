using System.Collections;
using RealtimeCalendar.Functions.Bootstrap;

namespace RealtimeCalendar.Functions.Tests.Settings;

/// <summary>Each setting's default is written once: reading an environment that sets nothing gives the same settings.</summary>
public sealed class SettingsDefaultsTests
{
    private static readonly Hashtable Tables = new() { ["EVENTS_TABLE"] = "events", ["CONNECTIONS_TABLE"] = "connections", ["SESSIONS_TABLE"] = "sessions", ["REMINDERS_TABLE"] = "reminders" };

    [Fact]
    public void Unset_variables_keep_the_properties_defaults()
    {
        var declared = new FunctionSettings { EventsTable = "events", ConnectionsTable = "connections", SessionsTable = "sessions", RemindersTable = "reminders" };

        var read = FunctionSettings.FromVariables(Tables);

        Assert.Equal(declared.ToVariables().OrderBy(v => v.Key), read.ToVariables().OrderBy(v => v.Key));
    }

    [Fact]
    public void The_documented_limits_are_the_defaults()
    {
        var read = FunctionSettings.FromVariables(Tables);

        Assert.Equal((20, 30, 600), (read.SocketsPerUser, read.TicketsPerUserPerMinute, read.RequestsPerUserPerMinute));
    }

    [Fact]
    public void Every_setting_survives_the_trip_through_a_child_process_environment()
    {
        var settings = FunctionSettings.FromVariables(Tables) with
        {
            SocketsPerUser = 7,
            TicketsPerUserPerMinute = 9,
            MaxEventsPerUser = 11,
            OpenAiModel = "model-x",
            OpenAiAttemptTimeout = TimeSpan.FromSeconds(3.5),
            OpenAiBaseUrl = new Uri("http://127.0.0.1:1/v1/"),
            PushSubscriptionsTable = "push-subscriptions",
            PushSubscriptionsPerUser = 3,
            WebPush = new WebPushSettings
            {
                PublicKey = "BPublicKey",
                Subject = "mailto:ops@example.com",
                PrivateKeyParameter = "/realtimecalendar/web-push/vapid-private-key",
                PrivateKeyFile = "/data/web-push/vapid-private-key",
            },
        };

        var again = FunctionSettings.FromVariables(new Hashtable(settings.ToVariables().ToDictionary(v => v.Key, v => (object?)v.Value)));

        Assert.Equal(settings.ToVariables().OrderBy(v => v.Key), again.ToVariables().OrderBy(v => v.Key));
        Assert.Equal(settings.WebPush, again.WebPush);
        Assert.Equal(("push-subscriptions", 3), (again.PushSubscriptionsTable, again.PushSubscriptionsPerUser));
    }

    [Fact]
    public void Web_push_is_off_without_a_public_key_and_a_public_key_without_a_subject_is_refused()
    {
        Assert.Null(FunctionSettings.FromVariables(Tables).WebPush);
        Assert.Equal(10, FunctionSettings.FromVariables(Tables).PushSubscriptionsPerUser);

        var variables = new Hashtable(Tables) { [WebPushSettings.PublicKeyVariable] = "BPublicKey" };
        var failure = Assert.Throws<InvalidOperationException>(() => FunctionSettings.FromVariables(variables));
        Assert.Contains(WebPushSettings.SubjectVariable, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chat_model_variables_override_given_settings_only_where_set()
    {
        var settings = FunctionSettings.FromVariables(Tables) with { OpenAiModel = "kept" };

        var read = settings.WithChatModelFrom(new Hashtable { ["OPENAI_TIMEOUT_SECONDS"] = "4", ["OPENAI_MODEL"] = "" });

        Assert.Equal(("kept", TimeSpan.FromSeconds(4)), (read.OpenAiModel, read.OpenAiAttemptTimeout));
    }
}
