using System.Globalization;
using Microsoft.Extensions.Logging;
using RealtimeCalendar.Benchmarks.Hosting;
using RealtimeCalendar.Benchmarks.Options;
using RealtimeCalendar.Benchmarks.Reporting;
using RealtimeCalendar.Benchmarks.Scenarios;

// Figures are compared across machines and runs: print them the same way everywhere.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

BenchmarkOptions options;
try
{
    options = BenchmarkCommandLine.Parse(args, RepositoryRoot.Find());
}
catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchmarkCommandLine.Usage);
    return 2;
}

// Only trouble is worth printing: a warning from notify or the gateway during a run explains a missing delivery.
// In the chaos run every injected fault logs a warning by design; only errors (e.g. a stream record given up) say something.
using var loggerFactory = LoggerFactory.Create(logging => logging
    .SetMinimumLevel(options.Scenario == BenchmarkScenario.Chaos ? LogLevel.Error : LogLevel.Warning)
    .AddFilter("Microsoft.AspNetCore", LogLevel.Error)
    .AddSimpleConsole(console =>
    {
        console.SingleLine = true;
        console.TimestampFormat = "HH:mm:ss.fff ";
    }));

using var stopping = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Stop the local cloud's child processes instead of leaving them behind.
    e.Cancel = true;
    stopping.Cancel();
};

try
{
    if (options.Scenario == BenchmarkScenario.Chaos)
    {
        var chaos = await new ChaosRun(options, loggerFactory, Console.Out).ExecuteAsync(stopping.Token);
        var chaosText = ChaosReportWriter.Render(chaos);
        var chaosTextPath = await ReportFiles.SaveAsync(chaos, chaosText, options.OutputPath, stopping.Token);
        Console.WriteLine();
        Console.Write(chaosText);
        Console.WriteLine($"Report: {options.OutputPath} and {chaosTextPath}");
        return chaos.Passed ? 0 : 1;
    }

    if (options.Scenario == BenchmarkScenario.Reminders)
    {
        var reminders = await new ReminderSweepRun(options, loggerFactory, Console.Out).ExecuteAsync(stopping.Token);
        var remindersText = ReminderReportWriter.Render(reminders);
        var remindersTextPath = await ReportFiles.SaveAsync(reminders, remindersText, options.OutputPath, stopping.Token);
        Console.WriteLine();
        Console.Write(remindersText);
        Console.WriteLine($"Report: {options.OutputPath} and {remindersTextPath}");
        return reminders.Passed ? 0 : 1;
    }

    if (options.Scenario == BenchmarkScenario.ColdStart)
    {
        var coldStart = await new ColdStartRun(options, loggerFactory, Console.Out).ExecuteAsync(stopping.Token);
        var coldStartText = ColdStartReportWriter.Render(coldStart);
        var coldStartTextPath = await ReportFiles.SaveAsync(coldStart, coldStartText, options.OutputPath, stopping.Token);
        Console.WriteLine();
        Console.Write(coldStartText);
        Console.WriteLine($"Report: {options.OutputPath} and {coldStartTextPath}");
        return 0;
    }

    if (options.Scenario == BenchmarkScenario.RangeQueries)
    {
        var ranges = await new RangeQueryRun(options, loggerFactory, Console.Out).ExecuteAsync(stopping.Token);
        var rangesText = RangeQueryReportWriter.Render(ranges);
        var rangesTextPath = await ReportFiles.SaveAsync(ranges, rangesText, options.OutputPath, stopping.Token);
        Console.WriteLine();
        Console.Write(rangesText);
        Console.WriteLine($"Report: {options.OutputPath} and {rangesTextPath}");
        return 0;
    }

    var report = await new PushLatencyRun(options, loggerFactory, Console.Out).ExecuteAsync(stopping.Token);
    var text = ReportWriter.Render(report);
    var textPath = await ReportFiles.SaveAsync(report, text, options.OutputPath, stopping.Token);
    Console.WriteLine();
    Console.Write(text);
    Console.WriteLine($"Report: {options.OutputPath} and {textPath}");
    return report.Deliveries.Missing == 0 && report.Writes.Failed == 0 ? 0 : 1;
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    return 130;
}
