using System.Net;

namespace RealtimeCalendar.Aws.ManagementApi;

/// <summary>The Management API answered GetConnection or DeleteConnection with a status other than success or 410.</summary>
public sealed class ManagementApiException : Exception
{
    public ManagementApiException()
    {
    }

    public ManagementApiException(string message)
        : base(message)
    {
    }

    public ManagementApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ManagementApiException(HttpStatusCode statusCode, string? errorType, string message)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorType = errorType;
    }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>AWS's <c>x-amzn-ErrorType</c> (e.g. <c>ForbiddenException</c>), when it sent one.</summary>
    public string? ErrorType { get; }
}
