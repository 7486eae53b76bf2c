using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Core.Identity;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.Functions.CalendarApi;
using RealtimeCalendar.Functions.Chat;
using RealtimeCalendar.Functions.GoogleSync;
using RealtimeCalendar.Functions.Http;
using RealtimeCalendar.Functions.Push;
using RealtimeCalendar.Functions.Reminders;

namespace RealtimeCalendar.Functions;

/// <summary>Source-generated JSON for every body the functions write.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(EventResource))]
[JsonSerializable(typeof(EventList))]
[JsonSerializable(typeof(IssuedTicket))]
[JsonSerializable(typeof(ChatStatus))]
[JsonSerializable(typeof(ChatReply))]
[JsonSerializable(typeof(GoogleStatus))]
[JsonSerializable(typeof(GoogleAuthorizationStart))]
[JsonSerializable(typeof(GoogleSyncResult))]
[JsonSerializable(typeof(PushSubscriptionResource))]
[JsonSerializable(typeof(ReminderSettings))]
[JsonSerializable(typeof(SnoozedReminder))]
[JsonSerializable(typeof(ReminderSweepReport))]
public sealed partial class FunctionsJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context every response body is written with: the generated metadata, with only HTML-significant escaping
    /// dropped, so problem details read "See 'errors'" and "Café" rather than <c>\u0027</c> and <c>\u00E9</c>. Bodies
    /// are served as application/json, never embedded in HTML.
    /// </summary>
    public static FunctionsJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
