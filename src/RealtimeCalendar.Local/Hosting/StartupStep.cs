namespace RealtimeCalendar.Local.Hosting;

/// <summary>One named step of the local cloud's start-up and how long it took (wall clock).</summary>
public sealed record StartupStep(string Name, TimeSpan Took);
