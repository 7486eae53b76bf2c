using System.Text;
using System.Text.Json;
using RealtimeCalendar.Lambda.Contracts.HttpApi;

namespace RealtimeCalendar.Functions.Http;

/// <summary>
/// The checks every JSON request body passes before its fields are read: media type, base64, size, UTF-8, depth and
/// syntax. Each failure is the one problem the client gets back.
/// </summary>
public static class JsonRequestBody
{
    /// <summary>A 415 problem unless the request is JSON (or names no content type, as curl's -d does not).</summary>
    public static APIGatewayHttpApiV2ProxyResponse? CheckContentType(APIGatewayHttpApiV2ProxyRequest request)
    {
        var contentType = RequestHeaders.Get(request, "content-type");
        if (contentType is null)
            return null;
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            ? null
            : HttpResponses.Problem(415, ProblemTypes.UnsupportedMediaType, "Only JSON is accepted.", "Send Content-Type: application/json.");
    }

    /// <summary>Parses the body into a document the caller disposes, or returns the problem that stops it.</summary>
    public static (JsonDocument? Document, ProblemDetails? Problem) Parse(string? body, bool isBase64Encoded, int maxBytes, int maxDepth)
    {
        if (string.IsNullOrEmpty(body))
            return Malformed("The request body is empty; send a JSON object.");

        byte[] utf8;
        try
        {
            utf8 = isBase64Encoded ? Convert.FromBase64String(body) : Encoding.UTF8.GetBytes(body);
        }
        catch (FormatException)
        {
            return Malformed("The request body is not valid base64.");
        }

        if (utf8.Length > maxBytes)
            return (null, new ProblemDetails(ProblemTypes.PayloadTooLarge, "The request body is too large.", 413, $"At most {maxBytes} bytes are accepted."));

        // JsonDocument accepts invalid UTF-8 inside strings and only fails when one is read; refuse it up front.
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
            return Malformed("The request body is not valid UTF-8.");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = maxDepth });
        }
        catch (JsonException)
        {
            return Malformed("The request body is not valid JSON.");
        }

        if (document.RootElement.ValueKind == JsonValueKind.Object)
            return (document, null);
        document.Dispose();
        return Malformed("The request body must be a JSON object.");
    }

    /// <summary>Refuses fields the reader does not know, and fields given twice, so a typo never silently drops data.</summary>
    public static void CheckFieldNames(JsonElement root, IReadOnlyCollection<string> knownFields, List<ProblemField> errors, string prefix = "")
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (!knownFields.Contains(property.Name, StringComparer.Ordinal))
                errors.Add(new(prefix + property.Name, "Unknown field."));
            else if (!seen.Add(property.Name))
                errors.Add(new(prefix + property.Name, "Field appears more than once."));
        }
    }

    private static (JsonDocument?, ProblemDetails?) Malformed(string detail) =>
        (null, new ProblemDetails(ProblemTypes.InvalidJson, "The request body could not be read.", 400, detail));
}
