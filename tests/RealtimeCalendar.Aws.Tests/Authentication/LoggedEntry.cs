using Microsoft.Extensions.Logging;

namespace RealtimeCalendar.Aws.Tests.Authentication;

public sealed record LoggedEntry(LogLevel Level, string Message, IReadOnlyDictionary<string, string?> Fields);
