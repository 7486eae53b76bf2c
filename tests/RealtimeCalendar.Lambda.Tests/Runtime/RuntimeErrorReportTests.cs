using System.Text.Json;
using RealtimeCalendar.Lambda.Runtime;

namespace RealtimeCalendar.Lambda.Tests.Runtime;

public sealed class RuntimeErrorReportTests
{
    [Fact]
    public void Report_serializes_to_the_Runtime_API_error_body()
    {
        var report = new RuntimeErrorReport("Error parsing event data.", "InvalidEventDataException", ["at Handler.Run()"]);

        var json = JsonSerializer.Serialize(report, RuntimeApiJsonContext.Default.RuntimeErrorReport);

        Assert.Equal("""{"errorMessage":"Error parsing event data.","errorType":"InvalidEventDataException","stackTrace":["at Handler.Run()"]}""", json);
    }

    [Fact]
    public void Report_keeps_only_the_outer_message_type_and_frames()
    {
        var exception = Thrown(() => throw new TimeoutException("PutItem timed out.", new InvalidOperationException("inner detail")));
        exception.Data["connection"] = "Password=hunter2";

        var report = RuntimeErrorReport.FromException(exception, []);

        Assert.Equal("PutItem timed out.", report.ErrorMessage);
        Assert.Equal("TimeoutException", report.ErrorType);
        Assert.Contains(report.StackTrace, frame => frame.Contains(nameof(Thrown), StringComparison.Ordinal));
        Assert.All(report.StackTrace, frame => Assert.StartsWith("at ", frame, StringComparison.Ordinal));
        var json = JsonSerializer.Serialize(report, RuntimeApiJsonContext.Default.RuntimeErrorReport);
        Assert.DoesNotContain("inner detail", json, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_are_redacted_wherever_they_appear()
    {
        var exception = Thrown(() => throw new InvalidOperationException("token FQoGZXIvYXdzEXAMPLE rejected"));

        var report = RuntimeErrorReport.FromException(exception, ["FQoGZXIvYXdzEXAMPLE", ""]);

        Assert.Equal("token *** rejected", report.ErrorMessage);
    }

    [Fact]
    public void Exception_that_was_never_thrown_has_no_frames()
    {
        var report = RuntimeErrorReport.FromException(new InvalidOperationException("built, not thrown"), []);

        Assert.Empty(report.StackTrace);
    }

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception)
        {
            return exception;
        }
        throw new InvalidOperationException("The action did not throw.");
    }
}
