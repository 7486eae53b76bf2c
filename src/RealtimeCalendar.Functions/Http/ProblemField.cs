namespace RealtimeCalendar.Functions.Http;

/// <summary>One invalid field inside a validation problem.</summary>
public sealed record ProblemField(string Field, string Message);
