using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Functions.Http;

namespace RealtimeCalendar.Functions.CalendarApi;

/// <summary>The result of reading a request body: a draft, or the one problem that stops it.</summary>
public sealed record EventDraftReadResult(EventDraft? Draft, ProblemDetails? Problem)
{
    public static EventDraftReadResult Read(EventDraft draft) => new(draft, null);

    public static EventDraftReadResult WrongShape(IReadOnlyList<ProblemField> errors) =>
        new(null, new ProblemDetails(ProblemTypes.Validation, "The request is not valid.", 400, "See 'errors' for each rejected field.", errors));
}
