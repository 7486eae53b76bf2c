using System.Text.Json.Serialization;
using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Core.Realtime;

/// <summary>Source-generated JSON for everything sent down a socket (AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChangeMessage))]
[JsonSerializable(typeof(ServerFrame))]
[JsonSerializable(typeof(ReminderMessage))]
[JsonSerializable(typeof(ReminderDismissedMessage))]
[JsonSerializable(typeof(ReminderSnoozedMessage))]
public sealed partial class RealtimeJsonContext : JsonSerializerContext;
