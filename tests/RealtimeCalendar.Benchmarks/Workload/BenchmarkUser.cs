namespace RealtimeCalendar.Benchmarks.Workload;

/// <summary>A user of the local pool, signed in; <see cref="UserId"/> is the access token's <c>sub</c>.</summary>
public sealed record BenchmarkUser(int Index, string UserId, string Email, string AccessToken);
