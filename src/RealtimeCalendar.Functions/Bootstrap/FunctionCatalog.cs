using Microsoft.Extensions.Logging;
using RealtimeCalendar.Functions.Auth;
using RealtimeCalendar.Functions.CalendarApi;
using RealtimeCalendar.Functions.Chat;
using RealtimeCalendar.Functions.GoogleSync;
using RealtimeCalendar.Functions.Notify;
using RealtimeCalendar.Functions.Push;
using RealtimeCalendar.Functions.Realtime;
using RealtimeCalendar.Functions.Reminders;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Lambda.Hosting;

namespace RealtimeCalendar.Functions.Bootstrap;

/// <summary>Turns a function name (the container's CMD) into the handler that serves it.</summary>
public static class FunctionCatalog
{
    public static IReadOnlyList<string> Names { get; } =
        [
            FunctionNames.CalendarApi, FunctionNames.Auth, FunctionNames.WsConnect, FunctionNames.WsDefault, FunctionNames.Notify, FunctionNames.Chat,
            FunctionNames.GoogleSync, FunctionNames.GooglePush, FunctionNames.PushSubscriptions, FunctionNames.Reminders, FunctionNames.RemindersApi,
        ];

    public static ILambdaFunction Create(string name, FunctionServices services) => name switch
    {
        FunctionNames.CalendarApi => new CalendarApiFunction(services.Calendar, services.RequestLimit, services.LoggerFactory.CreateLogger<CalendarApiFunction>()),
        FunctionNames.Auth => new AuthFunction(services.Tickets, services.RequestLimit, services.TicketLimit, services.LoggerFactory.CreateLogger<AuthFunction>()),
        FunctionNames.WsConnect => new WsConnectFunction(services.CreateAdmission(), services.LoggerFactory.CreateLogger<WsConnectFunction>()),
        FunctionNames.WsDefault => new WsDefaultFunction(),
        FunctionNames.Notify => new NotifyFunction(services.Notifier, services.LoggerFactory.CreateLogger<NotifyFunction>()),
        FunctionNames.Chat => new ChatFunction(services.Assistant, services.Settings.Chat, services.RequestLimit, services.LoggerFactory.CreateLogger<ChatFunction>()),
        FunctionNames.GoogleSync => new GoogleSyncFunction(
            services.GoogleUnavailableReason, services.GetGoogleSyncAsync, services.LoggerFactory.CreateLogger<GoogleSyncFunction>()),
        FunctionNames.GooglePush => new GooglePushFunction(
            services.GoogleUnavailableReason, services.GetGoogleSyncAsync, services.LoggerFactory.CreateLogger<GooglePushFunction>()),
        FunctionNames.PushSubscriptions => new PushSubscriptionsFunction(
            services.PushSubscriptions, services.Settings.WebPush is not null, services.RequestLimit, services.LoggerFactory.CreateLogger<PushSubscriptionsFunction>()),
        FunctionNames.Reminders => new ReminderSweepFunction(services.ReminderSweep, services.LoggerFactory.CreateLogger<ReminderSweepFunction>()),
        FunctionNames.RemindersApi => new RemindersApiFunction(
            services.ReminderSettings, services.ReminderActions, services.RequestLimit, services.LoggerFactory.CreateLogger<RemindersApiFunction>()),
        _ => throw new ArgumentException(
            $"Unknown function '{name}'. Known functions: {string.Join(", ", Names)}.", nameof(name)),
    };
}
