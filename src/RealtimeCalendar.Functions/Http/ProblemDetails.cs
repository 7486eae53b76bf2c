namespace RealtimeCalendar.Functions.Http;

/// <summary>An RFC 9457 problem details body; <see cref="Type"/> is stable so clients can branch on it.</summary>
public sealed record ProblemDetails(
    string Type,
    string Title,
    int Status,
    string? Detail = null,
    IReadOnlyList<ProblemField>? Errors = null);
