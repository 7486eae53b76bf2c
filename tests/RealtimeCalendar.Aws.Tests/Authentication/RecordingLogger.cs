using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RealtimeCalendar.Aws.Tests.Authentication;

/// <summary>Keeps every log entry (rendered text and structured fields) so tests can read what was logged.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<LoggedEntry> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var fields = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        Entries.Enqueue(new LoggedEntry(logLevel, formatter(state, exception), fields.ToDictionary(f => f.Key, f => f.Value?.ToString())));
    }
}
