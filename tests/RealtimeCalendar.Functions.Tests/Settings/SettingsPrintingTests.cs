using RealtimeCalendar.Functions.Bootstrap;

namespace RealtimeCalendar.Functions.Tests.Settings;

/// <summary>Settings end up in logs sooner or later: printing them never prints a secret.</summary>
public sealed class SettingsPrintingTests
{
    private const string Secret = "GOCSPX-not-for-printing";

    [Fact]
    public void Printed_settings_say_the_google_client_secret_is_set_without_printing_it()
    {
        var settings = new FunctionSettings
        {
            EventsTable = "events",
            ConnectionsTable = "connections",
            SessionsTable = "sessions",
            RemindersTable = "reminders",
            Google = new GoogleSettings { ClientId = "client.apps.googleusercontent.com", ClientSecret = Secret },
        };

        var printed = settings.ToString();

        Assert.DoesNotContain(Secret, printed, StringComparison.Ordinal);
        Assert.Contains("ClientSecret = (set)", printed, StringComparison.Ordinal);
        Assert.Contains("client.apps.googleusercontent.com", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void The_chat_key_is_not_a_setting_at_all()
    {
        var variables = new System.Collections.Hashtable
        {
            ["EVENTS_TABLE"] = "events",
            ["CONNECTIONS_TABLE"] = "connections",
            ["SESSIONS_TABLE"] = "sessions",
            ["REMINDERS_TABLE"] = "reminders",
            [FunctionSettings.OpenAiApiKeyVariable] = "sk-not-for-printing",
        };

        var settings = FunctionSettings.FromVariables(variables);

        Assert.DoesNotContain("sk-not-for-printing", settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(settings.ToVariables(), v => v.Value.Contains("sk-not-for-printing", StringComparison.Ordinal));
    }
}
