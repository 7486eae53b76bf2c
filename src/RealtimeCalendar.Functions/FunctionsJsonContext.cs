using System.Text.Json.Serialization;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Core.Identity;
using RealtimeCalendar.Functions.CalendarApi;
using RealtimeCalendar.Functions.Chat;
using RealtimeCalendar.Functions.GoogleSync;
using RealtimeCalendar.Functions.Http;

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
public sealed partial class FunctionsJsonContext : JsonSerializerContext;
