using System.Text;

namespace RealtimeCalendar.EndToEnd.Tests.HostileInput;

/// <summary>
/// One generated hostile HTTP request: exactly the bytes, headers and path a careless or malicious client could send.
/// <see cref="ExpectedStatus"/> is set when only one 4xx is right (413 for oversize, 415 for a foreign media type).
/// </summary>
internal sealed record HostileRequest(
    string Defect,
    HttpMethod Method,
    string Path,
    byte[]? Body,
    string? ContentType,
    string? Authorization,
    string? IfMatch,
    int? ExpectedStatus = null)
{
    /// <summary>Builds a fresh message; <paramref name="token"/> fills <c>Authorization</c> unless the case brings its own.</summary>
    public HttpRequestMessage ToMessage(string token)
    {
        var message = new HttpRequestMessage(Method, new Uri(Path, UriKind.Relative));
        if (Authorization is not "")
            message.Headers.TryAddWithoutValidation("Authorization", Authorization ?? "Bearer " + token);
        if (IfMatch is not null)
            message.Headers.TryAddWithoutValidation("If-Match", IfMatch);
        if (Body is not null)
        {
            var content = new ByteArrayContent(Body);
            if (ContentType is not null)
                content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            message.Content = content;
        }

        return message;
    }

    public override string ToString()
    {
        var body = Body is null ? "no body" : $"{Body.Length} bytes: {Preview(Body)}";
        var auth = Authorization is null ? "valid token" : Authorization.Length == 0 ? "no Authorization" : $"Authorization '{Shorten(Authorization)}'";
        return $"[{Defect}] {Method} {Shorten(Path)} ({auth}, If-Match {IfMatch ?? "none"}, {ContentType ?? "no content type"}, {body})";
    }

    private static string Preview(byte[] body) => Shorten(Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 160)));

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + $"…(+{text.Length - 120})";
}
