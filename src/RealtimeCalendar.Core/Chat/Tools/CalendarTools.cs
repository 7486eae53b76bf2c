using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RealtimeCalendar.Core.Calendar;
using RealtimeCalendar.Core.Chat.Model;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Chat.Tools;

/// <summary>
/// The tools the model may call, run through the same <see cref="CalendarService"/> the HTTP API uses: the same
/// validation, the same optimistic concurrency, the same stream-driven push to open tabs. A call with bad arguments
/// is answered to the model with what was wrong and changes nothing.
/// </summary>
public sealed class CalendarTools(CalendarService calendar)
{
    public const string ListEvents = "list_events";
    public const string CreateEvent = "create_event";
    public const string UpdateEvent = "update_event";
    public const string DeleteEvent = "delete_event";

    /// <summary>Most events one list call returns to the model, to bound the tokens a busy range costs (one page).</summary>
    public const int MaxListedEvents = EventPaging.MaxResultsCeiling;

    private static readonly TimeSpan DefaultTimedLength = TimeSpan.FromHours(1);

    public static IReadOnlyList<ModelTool> Definitions { get; } =
    [
        new(ListEvents, "List the user's events that overlap a range. Use it to answer questions and to find an event's id before changing it.",
            """{"type":"object","properties":{"from":{"type":"string","description":"Start of the range: local date-time (2026-12-01T00:00) or date (2026-12-01)."},"to":{"type":"string","description":"End of the range: local date-time (exclusive) or date (inclusive, the whole day)."}},"required":["from","to"],"additionalProperties":false}"""),
        new(CreateEvent, "Create an event.",
            """{"type":"object","properties":{"title":{"type":"string"},"start":{"type":"string","description":"Local date-time (2026-12-01T12:00), or a date (2026-12-01) for an all-day event."},"end":{"type":"string","description":"Local date-time, or the last date of an all-day event (inclusive). Defaults to one hour after start, or one day."},"allDay":{"type":"boolean"},"location":{"type":"string"},"description":{"type":"string"}},"required":["title","start"],"additionalProperties":false}"""),
        new(UpdateEvent, "Change an event: give its id and only the fields that change. Moving the start without an end keeps the event's length.",
            """{"type":"object","properties":{"eventId":{"type":"string"},"title":{"type":"string"},"start":{"type":"string","description":"Local date-time, or a date for an all-day event."},"end":{"type":"string","description":"Local date-time, or the last date of an all-day event (inclusive)."},"allDay":{"type":"boolean"},"location":{"type":"string","description":"Empty to clear."},"description":{"type":"string","description":"Empty to clear."}},"required":["eventId"],"additionalProperties":false}"""),
        new(DeleteEvent, "Delete an event by its id.",
            """{"type":"object","properties":{"eventId":{"type":"string"}},"required":["eventId"],"additionalProperties":false}"""),
    ];

    /// <summary>Runs one tool call for <paramref name="userId"/>, reading and writing times in <paramref name="times"/>' zone.</summary>
    public async Task<ToolExecution> ExecuteAsync(string userId, ToolTimeFormat times, ModelToolCall call, CancellationToken cancellationToken)
    {
        try
        {
            return call.Name switch
            {
                ListEvents => await ListAsync(userId, times, Read(call, ChatToolsJsonContext.Default.ListEventsArguments), cancellationToken),
                CreateEvent => await CreateAsync(userId, times, Read(call, ChatToolsJsonContext.Default.CreateEventArguments), cancellationToken),
                UpdateEvent => await UpdateAsync(userId, times, Read(call, ChatToolsJsonContext.Default.UpdateEventArguments), cancellationToken),
                DeleteEvent => await DeleteAsync(userId, times, Read(call, ChatToolsJsonContext.Default.DeleteEventArguments), cancellationToken),
                _ => Error($"There is no tool named '{call.Name}'. The tools are {ListEvents}, {CreateEvent}, {UpdateEvent} and {DeleteEvent}."),
            };
        }
        catch (JsonException)
        {
            return Error($"The arguments of {call.Name} are not a JSON object of the documented fields and types; nothing was changed.");
        }
    }

    private static T Read<T>(ModelToolCall call, JsonTypeInfo<T> type)
        where T : class =>
        JsonSerializer.Deserialize(string.IsNullOrWhiteSpace(call.ArgumentsJson) ? "{}" : call.ArgumentsJson, type)
        ?? throw new JsonException("The arguments are null.");

    private async Task<ToolExecution> ListAsync(string userId, ToolTimeFormat times, ListEventsArguments arguments, CancellationToken cancellationToken)
    {
        var (from, fromError) = times.ReadInstant(arguments.From);
        var (to, toError) = ReadRangeEnd(times, arguments.To);
        if (fromError is not null || toError is not null)
            return Error("The range is not valid; nothing was listed.", Fields(("from", fromError), ("to", toError)));
        if (TimeRange.Check(from, to) is { } rangeError)
            return Error("The range is not valid; nothing was listed.", [rangeError]);

        // The first page only: the model gets the earliest events and is told more exist, at the cost of one query.
        var outcome = await calendar.ListAsync(userId, new TimeRange(from!.Value, to!.Value), MaxListedEvents, pageToken: null, cancellationToken);
        var page = ((CalendarOutcome.Listed)outcome).Page;
        var listed = page.Events.Select(e => ToToolEvent(e, times)).ToList();
        return Result(new ListEventsResult(listed, page.NextPageToken is not null), ChatToolsJsonContext.Default.ListEventsResult, change: null);
    }

    private async Task<ToolExecution> CreateAsync(string userId, ToolTimeFormat times, CreateEventArguments arguments, CancellationToken cancellationToken)
    {
        var allDay = arguments.AllDay ?? false;
        var (start, startError) = ReadStart(times, allDay, arguments.Start);
        var (end, endError) = arguments.End is null ? (start + DefaultLength(allDay), null) : ReadEnd(times, allDay, arguments.End);
        if (startError is not null || endError is not null)
            return Error("The event was not created.", Fields(("start", startError), ("end", endError)));

        var draft = new EventDraft(arguments.Title, start, end, allDay, times.Zone.Id, arguments.Description, arguments.Location);
        var outcome = await calendar.CreateAsync(userId, draft, CalendarService.SourceChat, cancellationToken);
        return Written(outcome, ChatChangeKind.Created, "created", times, "The event was not created.");
    }

    private async Task<ToolExecution> UpdateAsync(string userId, ToolTimeFormat times, UpdateEventArguments arguments, CancellationToken cancellationToken)
    {
        if (await FindAsync(userId, arguments.EventId, cancellationToken) is not { } current)
            return NoSuchEvent(arguments.EventId);

        var allDay = arguments.AllDay ?? current.AllDay;
        if (allDay != current.AllDay && arguments.Start is null)
            return Error("The event was not changed.", [new("start", "Give the start when switching between all-day and timed.")]);

        var (start, startError) = arguments.Start is null ? (current.Start, null) : ReadStart(times, allDay, arguments.Start);

        // Moving only the start keeps the event's length; changing only the end keeps its start.
        var (end, endError) = arguments.End is not null ? ReadEnd(times, allDay, arguments.End)
            : arguments.Start is null ? (current.End, null)
            : (start + (allDay == current.AllDay ? current.End - current.Start : DefaultLength(allDay)), null);
        if (startError is not null || endError is not null)
            return Error("The event was not changed.", Fields(("start", startError), ("end", endError)));

        var draft = new EventDraft(
            arguments.Title ?? current.Title,
            start,
            end,
            allDay,
            current.TimeZone,
            arguments.Description ?? current.Description,
            arguments.Location ?? current.Location);
        var outcome = await calendar.ReplaceAsync(userId, current.EventId, current.Version, draft, CalendarService.SourceChat, cancellationToken);
        return Written(outcome, ChatChangeKind.Updated, "updated", times, "The event was not changed.");
    }

    private async Task<ToolExecution> DeleteAsync(string userId, ToolTimeFormat times, DeleteEventArguments arguments, CancellationToken cancellationToken)
    {
        if (await FindAsync(userId, arguments.EventId, cancellationToken) is not { } current)
            return NoSuchEvent(arguments.EventId);

        var outcome = await calendar.DeleteAsync(userId, current.EventId, current.Version, cancellationToken);
        return outcome is CalendarOutcome.Deleted
            ? Result(
                new EventWrittenResult("deleted", ToToolEvent(current, times)),
                ChatToolsJsonContext.Default.EventWrittenResult,
                new ChatChange(ChatChangeKind.Deleted, current.EventId, current.Title, current.Start, current.AllDay, current.Version))
            : Refused(outcome, "The event was not deleted.");
    }

    private async Task<CalendarEvent?> FindAsync(string userId, string? eventId, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(eventId) ? null : await calendar.GetAsync(userId, eventId.Trim(), cancellationToken);

    /// <summary>An all-day event starts at the UTC midnight of its date (how the calendar stores all-day events).</summary>
    private static (DateTimeOffset? Instant, string? Error) ReadStart(ToolTimeFormat times, bool allDay, string? text)
    {
        if (!allDay)
            return times.ReadInstant(text);
        return ReadAllDayDate(text) is { } date
            ? (new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), null)
            : (null, "An all-day event's start is a date like 2026-12-01.");
    }

    /// <summary>An all-day event's end is given as its last date (inclusive) and stored as the next midnight.</summary>
    private static (DateTimeOffset? Instant, string? Error) ReadEnd(ToolTimeFormat times, bool allDay, string text)
    {
        if (!allDay)
            return times.ReadInstant(text);
        return ReadAllDayDate(text) is { } last
            ? (new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), null)
            : (null, "An all-day event's end is its last date, like 2026-12-02.");
    }

    private static TimeSpan DefaultLength(bool allDay) => allDay ? TimeSpan.FromDays(1) : DefaultTimedLength;

    private static DateOnly? ReadAllDayDate(string? text) =>
        text is null ? null : ToolTimeFormat.ReadDate(text) ?? (text.Length > 10 ? ToolTimeFormat.ReadDate(text[..10]) : null);

    /// <summary>A date-only end means "through that day"; anything else is read as an instant.</summary>
    private static (DateTimeOffset? Instant, string? Error) ReadRangeEnd(ToolTimeFormat times, string? text) =>
        text is not null && ToolTimeFormat.ReadDate(text) is { } lastDay
            ? times.ReadInstant(lastDay.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            : times.ReadInstant(text);

    private static ToolEvent ToToolEvent(CalendarEvent e, ToolTimeFormat times) =>
        e.AllDay
            ? new(e.EventId, e.Title, ToolTimeFormat.WriteDate(e.Start), ToolTimeFormat.WriteDate(e.End.AddDays(-1)), true, e.Location, e.Description, ReadOnlyType(e))
            : new(e.EventId, e.Title, times.WriteInstant(e.Start), times.WriteInstant(e.End), false, e.Location, e.Description, ReadOnlyType(e));

    private static string? ReadOnlyType(CalendarEvent e) => e.IsReadOnly ? e.EventType : null;

    private static ToolExecution Written(CalendarOutcome outcome, ChatChangeKind kind, string status, ToolTimeFormat times, string refusal) =>
        outcome is CalendarOutcome.Stored { Event: var stored }
            ? Result(
                new EventWrittenResult(status, ToToolEvent(stored, times)),
                ChatToolsJsonContext.Default.EventWrittenResult,
                new ChatChange(kind, stored.EventId, stored.Title, stored.Start, stored.AllDay, stored.Version))
            : Refused(outcome, refusal);

    private static ToolExecution Refused(CalendarOutcome outcome, string refusal) => outcome switch
    {
        CalendarOutcome.Invalid invalid => Error(refusal, invalid.Errors),
        CalendarOutcome.NotFound => Error(refusal + " The event no longer exists."),
        CalendarOutcome.VersionConflict => Error(refusal + " The event was changed meanwhile; list it again and retry."),
        CalendarOutcome.LimitReached limit => Error(refusal + " " + limit.Detail),
        CalendarOutcome.ReadOnly readOnly => Error(refusal + " " + readOnly.Detail + " Tell the user so; do not retry."),
        _ => Error(refusal),
    };

    private static ToolExecution NoSuchEvent(string? eventId) =>
        Error($"There is no event with id '{eventId}'. Find the id with {ListEvents}; nothing was changed.");

    private static IEnumerable<ValidationError> Fields(params (string Field, string? Error)[] fields) =>
        fields.Where(f => f.Error is not null).Select(f => new ValidationError(f.Field, f.Error!));

    private static ToolExecution Error(string message, IEnumerable<ValidationError>? fields = null)
    {
        var list = fields?.ToList();
        return Result(new ToolErrorResult(message, list is { Count: > 0 } ? list : null), ChatToolsJsonContext.Default.ToolErrorResult, change: null);
    }

    private static ToolExecution Result<T>(T result, JsonTypeInfo<T> type, ChatChange? change) =>
        new(JsonSerializer.Serialize(result, type), change);
}
