using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Chat.Model;
using RealtimeCalendar.Core.Chat.Tools;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Limits;
using RealtimeCalendar.Core.TimeZones;

namespace RealtimeCalendar.Core.Chat;

/// <summary>
/// Answers a chat question by letting the model call the calendar tools until it replies in text, within a bounded
/// number of rounds. Keeps no state between questions: each carries its recent turns.
/// </summary>
public sealed class CalendarAssistant(
    IChatModel model,
    CalendarTools tools,
    UsageQuota quota,
    ChatOptions options,
    TimeProvider time,
    ILogger<CalendarAssistant> logger)
{
    public Task<ChatModelStatus> GetStatusAsync(CancellationToken cancellationToken) => model.GetStatusAsync(cancellationToken);

    public async Task<ChatOutcome> AnswerAsync(string userId, ChatQuestion question, CancellationToken cancellationToken)
    {
        var errors = Validate(question);
        if (errors.Count > 0)
            return new ChatOutcome.Invalid(errors);

        var status = await model.GetStatusAsync(cancellationToken);
        if (!status.Configured)
            return new ChatOutcome.Unavailable(status.SetupHint ?? "The chat is not configured.", Configured: false, RetryAfter: null);

        var allowance = await quota.ConsumeAsync(userId, options.DailyQuestions, cancellationToken);
        if (!allowance.Allowed)
            return new ChatOutcome.LimitReached($"The chat answers at most {options.DailyQuestions.Limit} questions per user per day.", allowance.RetryAfter);

        var times = new ToolTimeFormat(IanaTimeZones.GetZone(question.TimeZone!));
        var messages = new List<ModelMessage> { new ModelMessage.System(Instructions(times)) };
        // A blank assistant turn (older panels sent one back after an empty answer) carries nothing: leave it out
        // rather than refuse the question, so such a conversation keeps working.
        messages.AddRange(question.Turns.Where(turn => !IsBlankAssistantTurn(turn)).Select(ToModelMessage));
        var changes = new List<ChatChange>();

        for (var round = 1; round <= options.MaxModelRounds; round++)
        {
            ModelReply reply;
            try
            {
                reply = await model.CompleteAsync(messages, CalendarTools.Definitions, cancellationToken);
            }
            catch (ChatModelUnavailableException unavailable)
            {
                logger.LogWarning("Chat model unavailable for {UserId} in round {Round}: {Detail}", userId, round, unavailable.Detail);
                if (changes.Count == 0)
                    return new ChatOutcome.Unavailable(unavailable.Detail, unavailable.Configured, unavailable.RetryAfter);

                // Writes already made stay made: say so rather than answer with an error that hides them.
                return Answer($"I made the changes listed below, then stopped: {unavailable.Detail}", changes, stoppedAtLimit: false);
            }

            if (reply.ToolCalls.Count == 0)
                return Final(reply, changes);

            messages.Add(new ModelMessage.Assistant(reply.Text, reply.ToolCalls));
            for (var index = 0; index < reply.ToolCalls.Count; index++)
            {
                var call = reply.ToolCalls[index];
                var execution = index < options.MaxToolCallsPerRound
                    ? await tools.ExecuteAsync(userId, times, call, cancellationToken)
                    : new ToolExecution(TooManyCallsJson, Change: null);
                if (execution.Change is { } change)
                    changes.Add(change);
                messages.Add(new ModelMessage.ToolResult(call.Id, execution.ResultJson));
            }

            logger.LogInformation(
                "Chat round {Round} for {UserId} ran {ToolCalls} tool calls ({Changes} changes so far)", round, userId, reply.ToolCalls.Count, changes.Count);
        }

        logger.LogWarning("Chat for {UserId} stopped at the limit of {Rounds} model rounds", userId, options.MaxModelRounds);
        var done = changes.Count > 0 ? "The changes listed below were made." : "Nothing was changed.";
        return Answer($"I could not finish this within {options.MaxModelRounds} steps, so I stopped. {done} Try asking in smaller steps.", changes, stoppedAtLimit: true);
    }

    private const string TooManyCallsJson = """{"error":"Too many tool calls in one reply; this one was not run. Make fewer calls at a time."}""";

    private static ChatOutcome.Answered Answer(string reply, List<ChatChange> changes, bool stoppedAtLimit, bool refused = false) =>
        new ChatOutcome.Answered(new ChatAnswer(reply, changes, stoppedAtLimit, refused));

    /// <summary>
    /// The model's last reply as words a user can read and the next question can carry back: a refusal is shown as
    /// the model wrote it, a content-filtered or empty answer is replaced by a sentence saying what happened.
    /// </summary>
    private ChatOutcome.Answered Final(ModelReply reply, List<ChatChange> changes)
    {
        var done = changes.Count > 0 ? " The changes listed below were made." : " Nothing was changed.";
        if (!string.IsNullOrWhiteSpace(reply.Refusal))
        {
            logger.LogInformation("Chat model refused ({Changes} changes made before)", changes.Count);
            return Answer(reply.Refusal.Trim(), changes, stoppedAtLimit: false, refused: true);
        }

        if (reply.Finish == ModelFinish.ContentFilter)
        {
            logger.LogInformation("Chat model answer withheld by the content filter ({Changes} changes made before)", changes.Count);
            return Answer("The model's answer was withheld by its content filter. Try asking in other words." + done, changes, stoppedAtLimit: false, refused: true);
        }

        if (string.IsNullOrWhiteSpace(reply.Text))
        {
            logger.LogWarning("Chat model answered with no text (finish {Finish})", reply.Finish);
            return Answer("The model gave an empty answer. Try asking again." + done, changes, stoppedAtLimit: false);
        }

        return reply.Finish == ModelFinish.Length
            ? Answer(reply.Text + " … (the answer was cut short)", changes, stoppedAtLimit: false)
            : Answer(reply.Text, changes, stoppedAtLimit: false);
    }

    private string Instructions(ToolTimeFormat times) =>
        $"""
        You are the scheduling assistant of RealtimeCalendar. You read and change only this user's calendar, through the tools.
        The user's time zone is {times.Zone.Id}; it is now {times.DescribeNow(time.GetUtcNow())} there.
        Resolve relative dates ("tomorrow", "next Tuesday", "at noon") in that zone and pass times to the tools as local
        date-times like 2026-12-01T12:00, or dates like 2026-12-01 for all-day events.
        To change or delete an event, find its id with list_events first. If a request is ambiguous (several events match,
        no time given), ask instead of guessing. After changing the calendar, confirm briefly what you did, with dates.
        Repeating events are series: create one with recurrence (RFC 5545 RRULE lines). list_events shows each occurrence
        with its own id and the series' recurringEventId. To change or delete occurrences, pass the id of the occurrence
        the user means and a scope: this (only it, e.g. "skip next week's"), following (it and all later ones, e.g.
        "all future"), or all (the whole series). If the words do not say which, ask.
        Reminders go in the reminders argument of create_event and update_event: "remind me 10 minutes before" is useDefault
        false with one popup override of 10 minutes. To add a reminder to an event that has its own, send all of them.
        """;

    private static bool IsBlankAssistantTurn(ChatTurn turn) => turn.Role == ChatRole.Assistant && string.IsNullOrWhiteSpace(turn.Content);

    private static ModelMessage ToModelMessage(ChatTurn turn) =>
        turn.Role == ChatRole.User ? new ModelMessage.User(turn.Content) : new ModelMessage.Assistant(turn.Content, []);

    private List<ValidationError> Validate(ChatQuestion question)
    {
        var errors = new List<ValidationError>();
        if (question.Turns.Count == 0)
            errors.Add(new("messages", "Send at least one message."));
        else if (question.Turns.Count > options.MaxTurns)
            errors.Add(new("messages", $"Send at most the {options.MaxTurns} most recent messages."));
        else if (question.Turns[^1].Role != ChatRole.User)
            errors.Add(new("messages", "The last message must be the user's."));

        for (var i = 0; i < Math.Min(question.Turns.Count, options.MaxTurns); i++)
        {
            var content = question.Turns[i].Content;
            if (IsBlankAssistantTurn(question.Turns[i]))
                continue;
            if (string.IsNullOrWhiteSpace(content))
                errors.Add(new($"messages[{i}].content", "A message needs some text."));
            else if (content.Length > options.MaxTurnLength)
                errors.Add(new($"messages[{i}].content", $"A message may be at most {options.MaxTurnLength} characters."));
        }

        if (string.IsNullOrEmpty(question.TimeZone))
            errors.Add(new("timeZone", "Time zone is required, as an IANA id such as 'Europe/Berlin'."));
        else if (!IanaTimeZones.IsKnown(question.TimeZone))
            errors.Add(new("timeZone", "Time zone is not a known IANA id such as 'Europe/Berlin'."));
        return errors;
    }
}
