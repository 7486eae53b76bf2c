namespace RealtimeCalendar.Core.Realtime;

/// <summary>
/// The result type of the fan-out's retry pipeline. Polly's <c>AddRetry&lt;[DynamicallyAccessedMembers(All)] TResult&gt;</c>
/// over the <see cref="PostOutcome"/> enum itself would keep every member of System.Enum, including
/// <c>Enum.GetValues(Type)</c>, which fails the Native AOT publish (IL3050); a class as TResult does not.
/// </summary>
internal sealed record PostAttempt(PostOutcome Outcome);
