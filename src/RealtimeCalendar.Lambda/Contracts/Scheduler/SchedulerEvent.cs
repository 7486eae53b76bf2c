using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RealtimeCalendar.Lambda.Contracts.Scheduler;

/// <summary>
/// What an EventBridge Scheduler schedule hands its Lambda target: the target's <c>Input</c>, here the JSON of
/// <see cref="InputTemplate"/>, in which the Scheduler replaces each context attribute with its value at every
/// invocation (EventBridge Scheduler User Guide, "Adding context attributes"). No <c>Amazon.Lambda.*Events</c> type
/// describes it: the shape is the one the stack gives the schedule, and the local cloud's scheduler sends the same.
/// </summary>
public sealed class SchedulerEvent
{
    /// <summary>The JSON names, shared by the template, the contract and the local scheduler.</summary>
    public const string ScheduleArnField = "scheduleArn";
    public const string ScheduledTimeField = "scheduledTime";
    public const string ExecutionIdField = "executionId";
    public const string AttemptNumberField = "attemptNumber";

    /// <summary><c>&lt;aws.scheduler.schedule-arn&gt;</c>: the schedule's ARN.</summary>
    public string? ScheduleArn { get; set; }

    /// <summary><c>&lt;aws.scheduler.scheduled-time&gt;</c>: the time the schedule was to invoke its target, e.g. <c>2022-03-22T18:59:43Z</c>.</summary>
    public string? ScheduledTime { get; set; }

    /// <summary><c>&lt;aws.scheduler.execution-id&gt;</c>: unique per attempted invocation.</summary>
    public string? ExecutionId { get; set; }

    /// <summary><c>&lt;aws.scheduler.attempt-number&gt;</c>: 1 for the first attempt, more for the Scheduler's retries (a string: the template quotes it).</summary>
    public string? AttemptNumber { get; set; }

    /// <summary>
    /// The target's <c>Input</c>: every field a context attribute, quoted, so the payload is JSON whatever the values.
    /// The CDK stack sets it on the schedule; it deserializes into this type.
    /// </summary>
    public static string InputTemplate { get; } = Template();

    /// <summary><see cref="ScheduledTime"/> as an instant; null when it is missing or not an ISO-8601 UTC instant (with <c>Z</c> or an offset).</summary>
    public DateTimeOffset? ScheduledInstant() =>
        DateTimeOffset.TryParseExact(
            ScheduledTime,
            ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var instant)
            ? instant
            : null;

    /// <summary>The event the Scheduler sends for an invocation scheduled at <paramref name="scheduledTime"/> (what the local cloud's scheduler sends).</summary>
    public static SchedulerEvent For(string scheduleArn, DateTimeOffset scheduledTime, string executionId, int attemptNumber) => new()
    {
        ScheduleArn = scheduleArn,
        ScheduledTime = scheduledTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ExecutionId = executionId,
        AttemptNumber = attemptNumber.ToString(CultureInfo.InvariantCulture),
    };

    private static string Template()
    {
        var buffer = new MemoryStream();
        // Relaxed escaping: the Scheduler looks for the attributes' angle brackets as written, not as \u003C escapes.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString(ScheduleArnField, "<aws.scheduler.schedule-arn>");
            writer.WriteString(ScheduledTimeField, "<aws.scheduler.scheduled-time>");
            writer.WriteString(ExecutionIdField, "<aws.scheduler.execution-id>");
            writer.WriteString(AttemptNumberField, "<aws.scheduler.attempt-number>");
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
