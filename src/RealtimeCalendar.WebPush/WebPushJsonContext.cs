using System.Text.Json.Serialization;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.WebPush;

/// <summary>
/// The push message's plaintext: the <see cref="ReminderNotice"/> as the socket frame carries it (camelCase, instants
/// as <c>2026-12-01T12:00:00.000Z</c>), which the service worker reads.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, Converters = [typeof(UtcInstantJsonConverter)])]
[JsonSerializable(typeof(ReminderNotice))]
public sealed partial class WebPushJsonContext : JsonSerializerContext;
