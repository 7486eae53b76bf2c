// Stands in for Amazon.Lambda.RuntimeSupport's error report (why our own: src/decisions/0001-own-small-clients.md); JSON identical to the Runtime API's error body.
using System.Text.Json.Serialization;

namespace RealtimeCalendar.Lambda.Runtime;

/// <summary>
/// The body of <c>invocation/{id}/error</c> and <c>init/error</c>. Built from the exception's own message, type
/// name and stack frames only: never <see cref="Exception.ToString"/>, inner exceptions or <see cref="Exception.Data"/>,
/// which can carry payloads or connection strings.
/// </summary>
public sealed record RuntimeErrorReport(
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("stackTrace")] IReadOnlyList<string> StackTrace)
{
    private const string Redacted = "***";

    /// <summary>Lambda's function environment carries its role credentials; these never leave the process in an error.</summary>
    private static readonly string[] CredentialVariables = ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_ACCESS_KEY_ID"];

    public static RuntimeErrorReport FromException(Exception exception) =>
        FromException(exception, CredentialVariables
            .Select(Environment.GetEnvironmentVariable)
            .OfType<string>()
            .ToArray());

    public static RuntimeErrorReport FromException(Exception exception, IReadOnlyCollection<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var frames = (exception.StackTrace ?? string.Empty)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("at ", StringComparison.Ordinal))
            .Select(line => Redact(line, secrets))
            .ToArray();
        return new RuntimeErrorReport(Redact(exception.Message, secrets), exception.GetType().Name, frames);
    }

    private static string Redact(string text, IReadOnlyCollection<string> secrets)
    {
        foreach (var secret in secrets)
        {
            if (secret.Length > 0)
                text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }
        return text;
    }
}
