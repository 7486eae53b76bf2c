using System.Diagnostics;

namespace RealtimeCalendar.Local.Hosting;

/// <summary>
/// Runs a set-up command (npm, tar, dotnet publish) to completion, turning failures into one clear message. Started through
/// <see cref="ChildProcessLauncher"/>, so a killed host does not leave it running (its own children may outlive it).
/// </summary>
public static class ToolCommand
{
    public static async Task RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, string missingMessage, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = ChildProcessLauncher.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new LocalToolException(missingMessage);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new LocalToolException(
                    $"{fileName} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}): {(await stderr).Trim()} {(await stdout).Trim()}".TrimEnd());
            }
        }
    }
}
