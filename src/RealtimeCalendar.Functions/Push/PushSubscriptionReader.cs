using System.Text.Json;
using RealtimeCalendar.Core.Push;
using RealtimeCalendar.Functions.Http;

namespace RealtimeCalendar.Functions.Push;

/// <summary>
/// Reads the push subscription routes' bodies strictly. Subscribe takes exactly what the browser's
/// <c>PushSubscription.toJSON()</c> gives, <c>{"endpoint":"…","expirationTime":null|ms,"keys":{"p256dh":"…","auth":"…"}}</c>;
/// unsubscribe takes <c>{"endpoint":"…"}</c>. Unknown or repeated fields and wrong JSON types are named, field by field.
/// </summary>
public static class PushSubscriptionReader
{
    /// <summary>An endpoint of at most 2,048 characters and two keys fit with room to spare.</summary>
    public const int MaxBodyBytes = 8 * 1024;

    private const int MaxDepth = 3;
    private static readonly string[] KnownFields = ["endpoint", "expirationTime", "keys"];
    private static readonly string[] KnownKeyFields = ["p256dh", "auth"];
    private static readonly string[] KnownDeleteFields = ["endpoint"];

    /// <summary>The largest instant .NET can hold, in milliseconds since 1970 (9999-12-31T23:59:59.999Z).</summary>
    private static readonly double MaxEpochMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public static (PushSubscriptionBody? Body, ProblemDetails? Problem) ReadSubscription(string? body, bool isBase64Encoded)
    {
        var (document, problem) = JsonRequestBody.Parse(body, isBase64Encoded, MaxBodyBytes, MaxDepth);
        if (document is null)
            return (null, problem);

        using (document)
        {
            var root = document.RootElement;
            var errors = new List<ProblemField>();
            JsonRequestBody.CheckFieldNames(root, KnownFields, errors);
            var endpoint = RequiredString(root, "endpoint", "endpoint", errors);
            var expirationTime = ExpirationTime(root, errors);

            string? p256dh = null, auth = null;
            if (!root.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new("keys", "Must be an object with 'p256dh' and 'auth'."));
            }
            else
            {
                JsonRequestBody.CheckFieldNames(keys, KnownKeyFields, errors, "keys.");
                p256dh = RequiredString(keys, "p256dh", PushSubscriptionValidator.P256dhField, errors);
                auth = RequiredString(keys, "auth", PushSubscriptionValidator.AuthField, errors);
            }

            return errors.Count > 0
                ? (null, Invalid(errors))
                : (new PushSubscriptionBody(endpoint!, p256dh!, auth!, expirationTime), null);
        }
    }

    public static (string? Endpoint, ProblemDetails? Problem) ReadEndpoint(string? body, bool isBase64Encoded)
    {
        var (document, problem) = JsonRequestBody.Parse(body, isBase64Encoded, MaxBodyBytes, MaxDepth);
        if (document is null)
            return (null, problem);

        using (document)
        {
            var errors = new List<ProblemField>();
            JsonRequestBody.CheckFieldNames(document.RootElement, KnownDeleteFields, errors);
            var endpoint = RequiredString(document.RootElement, "endpoint", "endpoint", errors);
            return errors.Count > 0 ? (null, Invalid(errors)) : (endpoint, null);
        }
    }

    public static ProblemDetails Invalid(IReadOnlyList<ProblemField> errors) =>
        new(ProblemTypes.Validation, "The request is not valid.", 400, "See 'errors' for each rejected field.", errors);

    private static string? RequiredString(JsonElement parent, string name, string field, List<ProblemField> errors)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            return value.GetString();
        errors.Add(new(field, "Required, a string."));
        return null;
    }

    /// <summary>The Push API's <c>expirationTime</c>: null, or milliseconds since 1970 (a DOMHighResTimeStamp, so possibly fractional).</summary>
    private static DateTimeOffset? ExpirationTime(JsonElement root, List<ProblemField> errors)
    {
        if (!root.TryGetProperty("expirationTime", out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var milliseconds) && milliseconds >= 0 && milliseconds <= MaxEpochMilliseconds)
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(milliseconds));
        errors.Add(new(PushSubscriptionValidator.ExpirationTimeField, "Must be null or milliseconds since 1970-01-01T00:00:00Z."));
        return null;
    }
}
