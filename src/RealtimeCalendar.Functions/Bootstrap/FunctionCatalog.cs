using Microsoft.Extensions.Logging;
using RealtimeCalendar.Functions.CalendarApi;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Lambda.Hosting;

namespace RealtimeCalendar.Functions.Bootstrap;

/// <summary>Turns a function name (the container's CMD) into the handler that serves it.</summary>
public static class FunctionCatalog
{
    public static IReadOnlyList<string> Names { get; } = [FunctionNames.CalendarApi];

    public static ILambdaFunction Create(string name, FunctionServices services) => name switch
    {
        FunctionNames.CalendarApi => new CalendarApiFunction(services.Calendar, services.LoggerFactory.CreateLogger<CalendarApiFunction>()),
        _ => throw new ArgumentException(
            $"Unknown function '{name}'. Known functions: {string.Join(", ", Names)}.", nameof(name)),
    };
}
