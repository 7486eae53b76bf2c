using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RealtimeCalendar.Core.Calendar;
using RealtimeCalendar.Core.Chat.Model;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.Core.Text;

namespace RealtimeCalendar.Core.Chat.Tools;

/// <summary>
/// The tools the model may call, run through the same <see cref="CalendarService"/> the HTTP API uses: the same
/// validation, the same optimistic concurrency, the same stream-driven push to open tabs. A call with bad arguments
/// is answered to the model with what was wrong and changes nothing. Repeating events are the API's too: <c>recurrence</c>
/// on create and update, occurrences listed with their series' id, and <c>scope</c> on update and delete mapped to
/// <see cref="EditScope"/>. So are reminders: <c>reminders</c> on create and update in the API's (Google Calendar's)
/// shape, checked by the same validator.
/// </summary>
public sealed class CalendarTools(CalendarService calendar)
{
    public const string ListEvents = "list_events";
    public const string CreateEvent = "create_event";
    public const string UpdateEvent = "update_event";
    public const string DeleteEvent = "delete_event";

    /// <summary>Most events one list call returns to the model, to bound the tokens a busy range costs (one page).</summary>
    public const int MaxListedEvents = 40;

    private static readonly TimeSpan DefaultTimedLength = TimeSpan.FromHours(1);

    // The shape the calendar stores (Google Calendar API v3's recurrence), with the mistakes models make most named:
    // UNTIL in local time, BYHOUR for the time of day, COUNT with UNTIL, a start the rule does not match.
    private const string RecurrenceSchema =
        """{"type":"array","items":{"type":"string"},"description":"Makes the event repeat: RFC 5545 lines as in Google Calendar's recurrence, one RRULE line and optionally EXDATE lines. Examples: [\"RRULE:FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20270331T215959Z\"] every Monday and Thursday through 31 March 2027 (23:59:59 at UTC+2 is 21:59:59Z); [\"RRULE:FREQ=DAILY;COUNT=10\"] ten days; [\"RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU\"] every other Tuesday; [\"RRULE:FREQ=MONTHLY;BYDAY=-1FR\"] the last Friday of each month; [\"RRULE:FREQ=YEARLY\"] every year. FREQ is DAILY, WEEKLY, MONTHLY or YEARLY; BYDAY takes MO TU WE TH FR SA SU (MONTHLY also 2TU or -1FR); also BYMONTHDAY, BYMONTH, INTERVAL. End it with COUNT or UNTIL, not both, or neither to repeat forever. UNTIL is UTC: for a timed event a date-time ending in Z (the user's last local moment converted to UTC), for an all-day event a date (20270331). The time of day comes from start: no BYHOUR or BYMINUTE. To skip a date add EXDATE;TZID=<the user's zone>:20261207T090000 with that occurrence's local start. On update_event it replaces the series' rule (scope following or all)."}""";

    // Google Calendar's reminders shape, as the HTTP API takes it, with the sentences people say turned into minutes.
    private static readonly string RemindersSchema =
        $$$$"""{"type":"object","properties":{"useDefault":{"type":"boolean","description":"true: the user's default reminders apply (give no overrides). false: the overrides are the event's own."},"overrides":{"type":"array","maxItems":{{{{ReminderLimits.MaxReminders}}}},"items":{"type":"object","properties":{"method":{"type":"string","enum":["popup"]},"minutes":{"type":"integer","minimum":0,"maximum":{{{{ReminderLimits.MaxMinutes}}}},"description":"Minutes before the start."}},"required":["method","minutes"],"additionalProperties":false}}},"required":["useDefault"],"additionalProperties":false,"description":"When to remind the user before the event starts, in Google Calendar's shape. \"remind me 10 minutes before\": {\"useDefault\":false,\"overrides\":[{\"method\":\"popup\",\"minutes\":10}]}; \"an hour and a day before\": overrides with minutes 60 and 1440; \"no reminder\": {\"useDefault\":false,\"overrides\":[]}; \"my usual reminders\": {\"useDefault\":true}. At most {{{{ReminderLimits.MaxReminders}}}} overrides, each with its own minutes, from 0 (at the start) to {{{{ReminderLimits.MaxMinutes}}}} (four weeks). For an all-day event the minutes count back from 00:00 of its first day in the user's zone: the evening before at 18:00 is 360. On create_event leave it out for the user's default reminders; on update_event it replaces the event's reminders (give every reminder the event should keep), and leaving it out keeps them."}""";

    private const string ScopeSchema =
        """{"type":"string","enum":["this","following","all"],"description":"Which occurrences of a repeating event: this one, following (this and every later one) or all."}""";

    public static IReadOnlyList<ModelTool> Definitions { get; } =
    [
        new(ListEvents, "List the user's events that overlap a range. Use it to answer questions and to find an event's id before changing it. A repeating event is listed occurrence by occurrence: each has its own id, recurringEventId (the series' id) and originalStartTime.",
            """{"type":"object","properties":{"from":{"type":"string","description":"Start of the range: local date-time (2026-12-01T00:00) or date (2026-12-01)."},"to":{"type":"string","description":"End of the range: local date-time (exclusive) or date (inclusive, the whole day)."}},"required":["from","to"],"additionalProperties":false}"""),
        new(CreateEvent, "Create an event, or a repeating event (a series) when recurrence is given; reminders says when the user is reminded before it starts.",
            """{"type":"object","properties":{"title":{"type":"string"},"start":{"type":"string","description":"Local date-time (2026-12-01T12:00), or a date (2026-12-01) for an all-day event. For a repeating event its first occurrence, on a day the rule matches."},"end":{"type":"string","description":"Local date-time, or the last date of an all-day event (inclusive). Defaults to one hour after start, or one day. For a repeating event the first occurrence's end."},"allDay":{"type":"boolean"},"location":{"type":"string"},"description":{"type":"string"},"recurrence":"""
            + RecurrenceSchema + ""","reminders":""" + RemindersSchema + """},"required":["title","start"],"additionalProperties":false}"""),
        new(UpdateEvent, "Change an event: give its id and only the fields that change. Moving the start without an end keeps the event's length. For a repeating event give the id of the occurrence the user means (from list_events) and a scope: this (only that occurrence), following (that one and every later one; earlier ones stay as they are), all (every occurrence, moved by the same amount). Without scope an occurrence id changes only that occurrence and a series id (recurringEventId) the whole series.",
            """{"type":"object","properties":{"eventId":{"type":"string","description":"An id from list_events: an event's, or one occurrence's."},"title":{"type":"string"},"start":{"type":"string","description":"Local date-time, or a date for an all-day event. For an occurrence its new start on its own day: 09:30 on that day moves it, and with scope following or all every occurrence it reaches, to 09:30."},"end":{"type":"string","description":"Local date-time, or the last date of an all-day event (inclusive)."},"allDay":{"type":"boolean"},"location":{"type":"string","description":"Empty to clear."},"description":{"type":"string","description":"Empty to clear."},"recurrence":"""
            + RecurrenceSchema + ""","reminders":""" + RemindersSchema + ""","scope":""" + ScopeSchema + """},"required":["eventId"],"additionalProperties":false}"""),
        new(DeleteEvent, "Delete an event by its id. For a repeating event give the occurrence's id and a scope: this (skip only that occurrence), following (end the series before it), all (delete the whole series). Without scope an occurrence id deletes only that occurrence and a series id the whole series.",
            """{"type":"object","properties":{"eventId":{"type":"string"},"scope":""" + ScopeSchema + """},"required":["eventId"],"additionalProperties":false}"""),
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
        catch (JsonException e)
        {
            // The reader's path names the field whose value had the wrong type (a string for recurrence, a number for title).
            var field = e.Path is ['$', '.', .. var name] && name.Length > 0 ? name : null;
            return Error(
                $"The arguments of {call.Name} are not a JSON object of the documented fields and types; nothing was changed.",
                field is null ? null : [new(field, "Not of the type the tool's parameters give for this field.")]);
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
        return Result(new ListEventsResult(listed, page.NextPageToken is not null || page.Truncated), ChatToolsJsonContext.Default.ListEventsResult, change: null);
    }

    private async Task<ToolExecution> CreateAsync(string userId, ToolTimeFormat times, CreateEventArguments arguments, CancellationToken cancellationToken)
    {
        var allDay = arguments.AllDay ?? false;
        var (start, startError) = ReadStart(times, allDay, arguments.Start);
        var (end, endError) = arguments.End is null ? (start + DefaultLength(allDay), null) : ReadEnd(times, allDay, arguments.End);
        if (startError is not null || endError is not null)
            return Error("The event was not created.", Fields(("start", startError), ("end", endError)));

        // The series repeats in the user's zone, so 09:00 stays 09:00 across DST.
        var draft = new EventDraft(
            arguments.Title, start, end, allDay, times.Zone.Id, arguments.Description, arguments.Location, arguments.Recurrence, arguments.Reminders);
        var outcome = await calendar.CreateAsync(userId, draft, CalendarService.SourceChat, cancellationToken);
        return Written(outcome, ChatChangeKind.Created, "created", times, "The event was not created.", scope: null);
    }

    private async Task<ToolExecution> UpdateAsync(string userId, ToolTimeFormat times, UpdateEventArguments arguments, CancellationToken cancellationToken)
    {
        const string refusal = "The event was not changed.";
        var (scope, scopeError) = ReadScope(arguments.Scope);
        if (scopeError is not null)
            return Error(refusal, [scopeError]);
        if (await FindAsync(userId, arguments.EventId, cancellationToken) is not { } current)
            return NoSuchEvent(arguments.EventId);

        // "Only the fields that change": for following or all, the fields not given are the series', not those of the
        // addressed occurrence, which may be one edited on its own (another title, another length).
        var basis = current;
        if (scope is EditScope.Following or EditScope.All && current.RecurringEventId is { } seriesId)
        {
            if (await calendar.GetAsync(userId, seriesId, cancellationToken) is not { } series)
                return NoSuchEvent(arguments.EventId);
            basis = series;
        }

        var allDay = arguments.AllDay ?? basis.AllDay;
        if (allDay != basis.AllDay && arguments.Start is null)
            return Error(refusal, [new("start", "Give the start when switching between all-day and timed.")]);

        var (start, startError) = arguments.Start is null ? (current.Start, null) : ReadStart(times, allDay, arguments.Start);

        // Moving only the start keeps the event's length; changing only the end keeps its start.
        var length = basis.End - basis.Start;
        var (end, endError) = arguments.End is not null ? ReadEnd(times, allDay, arguments.End)
            : arguments.Start is null ? (current.Start + length, null)
            : (start + (allDay == basis.AllDay ? length : DefaultLength(allDay)), null);
        if (startError is not null || endError is not null)
            return Error(refusal, Fields(("start", startError), ("end", endError)));

        var draft = new EventDraft(
            arguments.Title ?? basis.Title,
            start,
            end,
            allDay,
            basis.TimeZone,
            arguments.Description ?? basis.Description,
            arguments.Location ?? basis.Location,
            arguments.Recurrence,
            // Given, they replace the event's reminders (as the API's PUT does); left out, the event keeps its own or its defaults.
            arguments.Reminders ?? basis.Reminders);
        // The version is the series' for an occurrence (GetAsync answers so): If-Match on the series guards every scope.
        var outcome = await calendar.ReplaceAsync(userId, current.EventId, scope, current.Version, draft, CalendarService.SourceChat, cancellationToken);
        return Written(outcome, ChatChangeKind.Updated, "updated", times, refusal, AppliedScope(current, scope));
    }

    private async Task<ToolExecution> DeleteAsync(string userId, ToolTimeFormat times, DeleteEventArguments arguments, CancellationToken cancellationToken)
    {
        const string refusal = "The event was not deleted.";
        var (scope, scopeError) = ReadScope(arguments.Scope);
        if (scopeError is not null)
            return Error(refusal, [scopeError]);
        if (await FindAsync(userId, arguments.EventId, cancellationToken) is not { } current)
            return NoSuchEvent(arguments.EventId);

        var outcome = await calendar.DeleteAsync(userId, current.EventId, scope, current.Version, CalendarService.SourceChat, cancellationToken);
        return outcome is CalendarOutcome.Deleted
            ? Result(
                new EventWrittenResult("deleted", ToToolEvent(current, times), AppliedScope(current, scope)),
                ChatToolsJsonContext.Default.EventWrittenResult,
                new ChatChange(ChatChangeKind.Deleted, current.EventId, current.Title, current.Start, current.AllDay, current.Version))
            : Refused(outcome, refusal);
    }

    /// <summary>Reads <c>scope</c> as the API's <c>?scope=</c>; absent or blank means the service's default for the id.</summary>
    private static (EditScope? Scope, ValidationError? Error) ReadScope(string? text) =>
        text?.Trim().ToLowerInvariant() switch
        {
            null or "" => (null, null),
            "this" => (EditScope.This, null),
            "following" => (EditScope.Following, null),
            "all" => (EditScope.All, null),
            _ => (null, new("scope", $"'{TextCut.ToLengthWithEllipsis(text, 41)}' is not a scope; use this, following or all.")),
        };

    /// <summary>The scope a change of a series or occurrence was made with (the service's default when none was given); null for a single event.</summary>
    private static string? AppliedScope(CalendarEvent addressed, EditScope? scope) =>
        !addressed.IsSeries && !addressed.IsInstance ? null
            : (scope ?? (addressed.IsInstance ? EditScope.This : EditScope.All)) switch
            {
                EditScope.This => "this",
                EditScope.Following => "following",
                _ => "all",
            };

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

    private static ToolEvent ToToolEvent(CalendarEvent e, ToolTimeFormat times)
    {
        string Write(DateTimeOffset instant) => e.AllDay ? ToolTimeFormat.WriteDate(instant) : times.WriteInstant(instant);
        var end = e.AllDay ? e.End.AddDays(-1) : e.End;
        return new(
            e.EventId, e.Title, Write(e.Start), Write(end), e.AllDay, e.Location, e.Description, ReadOnlyType(e),
            e.Recurrence, e.RecurringEventId, e.OriginalStartTime is { } original ? Write(original) : null, e.Reminders);
    }

    private static string? ReadOnlyType(CalendarEvent e) => e.IsReadOnly ? e.EventType : null;

    private static ToolExecution Written(CalendarOutcome outcome, ChatChangeKind kind, string status, ToolTimeFormat times, string refusal, string? scope) =>
        outcome is CalendarOutcome.Stored { Event: var stored }
            ? Result(
                new EventWrittenResult(status, ToToolEvent(stored, times), scope),
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
