using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Functions.Http;

namespace RealtimeCalendar.Functions.CalendarApi;

/// <summary>The result of reading a request body: a draft, or the one problem that stops it.</summary>
public sealed record EventDraftReadResult(EventDraft? Draft, ProblemDetails? Problem)
{
    public static EventDraftReadResult Read(EventDraft draft) => new(draft, null);

    public static EventDraftReadResult Malformed(string detail) =>
        new(null, new ProblemDetails(ProblemTypes.InvalidJson, "The request body could not be read.", 400, detail));

    public static EventDraftReadResult TooLarge(int limit) =>
        new(null, new ProblemDetails(ProblemTypes.PayloadTooLarge, "The request body is too large.", 413, $"At most {limit} bytes are accepted."));

    public static EventDraftReadResult WrongShape(IReadOnlyList<ProblemField> errors) =>
        new(null, new ProblemDetails(ProblemTypes.Validation, "The request is not valid.", 400, "See 'errors' for each rejected field.", errors));
}
