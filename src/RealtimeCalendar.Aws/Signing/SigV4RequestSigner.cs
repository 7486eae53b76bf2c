using System.Globalization;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Internal.Auth;

namespace RealtimeCalendar.Aws.Signing;

/// <summary>
/// Signs an <see cref="HttpRequestMessage"/> with AWS Signature Version 4 (header form), for the AWS APIs whose SDK
/// clients we write ourselves (API Gateway Management API, DynamoDB Streams; why: src/decisions/0001-own-small-clients.md). The canonical request is built here;
/// hashing, key derivation and the Authorization value come from AWSSDK.Core's <see cref="AWS4Signer"/>.
/// </summary>
public sealed class SigV4RequestSigner
{
    /// <summary>The access key the local cloud expects; its stand-ins accept any SigV4-shaped signature.</summary>
    public const string LocalAccessKey = "local";

    // Headers that proxies, HttpClient or the runtime may add, drop or rewrite after signing; signing them would
    // break the signature on the way without adding protection.
    private static readonly HashSet<string> UnsignedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "connection", "content-length", "expect", "keep-alive", "proxy-connection", "te",
        "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    };

    private static readonly Lazy<DefaultAWSCredentialsIdentityResolver> DefaultChain = new(() => new DefaultAWSCredentialsIdentityResolver());

    private readonly Func<CancellationToken, Task<AWSCredentials>> resolveCredentials;
    private readonly TimeProvider time;
    private AWSCredentials? credentials;

    public SigV4RequestSigner(AWSCredentials credentials, string region, TimeProvider time)
        : this(_ => Task.FromResult(credentials), region, time)
    {
        ArgumentNullException.ThrowIfNull(credentials);
    }

    private SigV4RequestSigner(Func<CancellationToken, Task<AWSCredentials>> resolveCredentials, string region, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentNullException.ThrowIfNull(time);
        this.resolveCredentials = resolveCredentials;
        Region = region;
        this.time = time;
    }

    public string Region { get; }

    /// <summary>
    /// The SDK's standard chain (on Lambda: the function role's session credentials from the environment).
    /// Resolved on first use, so building the signer never fails for lack of credentials.
    /// </summary>
    public static SigV4RequestSigner ForDefaultCredentials(string region, TimeProvider time) =>
        new(ResolveDefaultChainAsync, region, time);

    /// <summary>Fixed dummy keys for the local cloud (DynamoDB Local, the emulated Management API).</summary>
    public static SigV4RequestSigner ForLocalCloud(string region, TimeProvider time) =>
        new(new BasicAWSCredentials(LocalAccessKey, LocalAccessKey), region, time);

    /// <summary>
    /// Adds <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c> (session credentials only) and <c>Authorization</c>,
    /// signing every header already on the request (plus Host) and the SHA-256 of <paramref name="body"/>, which must
    /// be exactly the bytes sent. Signing again (a retry) replaces the previous signature.
    /// </summary>
    public async Task SignAsync(HttpRequestMessage request, byte[] body, string service, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI to sign.", nameof(request));
        if (!uri.IsAbsoluteUri)
            throw new ArgumentException("Only absolute request URIs can be signed.", nameof(request));

        credentials ??= await resolveCredentials(cancellationToken);
        var keys = await credentials.GetCredentialsAsync();
        var signedAt = time.GetUtcNow().UtcDateTime;

        request.Headers.Remove("Authorization");
        request.Headers.Remove("X-Amz-Date");
        request.Headers.Remove("X-Amz-Security-Token");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        if (keys.UseToken)
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", keys.Token);

        var headers = CanonicalHeaders(request, uri);
        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalRequest = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(CanonicalPath(uri)).Append('\n')
            .Append(CanonicalQuery(uri)).Append('\n');
        foreach (var (name, value) in headers)
            canonicalRequest.Append(name).Append(':').Append(value).Append('\n');
        canonicalRequest.Append('\n')
            .Append(signedHeaders).Append('\n')
            .Append(Convert.ToHexStringLower(AWS4Signer.ComputeHash(body)));

        var result = AWS4Signer.ComputeSignature(keys, Region, signedAt, service, signedHeaders, canonicalRequest.ToString());
        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
    }

    private static Task<AWSCredentials> ResolveDefaultChainAsync(CancellationToken cancellationToken) =>
        // Not disposed: refreshing sources (container, instance profile) keep working through the resolver that made
        // them. It needs no client config for the environment, profile and container sources.
        DefaultChain.Value.ResolveIdentityAsync(null, cancellationToken);

    /// <summary>
    /// Each segment of the path exactly as it goes on the wire (already percent-encoded), encoded once more: the
    /// double encoding every service but S3 expects, and the same string AWS computes from the raw path it receives.
    /// So <c>/prod/@connections/Zx3_abc%3D</c> canonicalizes to <c>/prod/%40connections/Zx3_abc%253D</c>.
    /// </summary>
    private static string CanonicalPath(Uri uri)
    {
        var path = uri.AbsolutePath;
        if (path.Length == 0)
            return "/";
        return string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary>Parameters decoded, re-encoded per RFC 3986 (unreserved characters only), sorted by name then value.</summary>
    private static string CanonicalQuery(Uri uri)
    {
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
            return string.Empty;

        var parameters = new List<(string Name, string Value)>();
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? pair : pair[..separator];
            var value = separator < 0 ? string.Empty : pair[(separator + 1)..];
            parameters.Add((Reencode(name), Reencode(value)));
        }

        parameters.Sort((a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', parameters.Select(p => $"{p.Name}={p.Value}"));

        // '+' stays a literal plus, as in SigV4 (a query is not form data here).
        static string Reencode(string component) => Uri.EscapeDataString(Uri.UnescapeDataString(component));
    }

    /// <summary>Lower-cased names in ordinal order; values trimmed, inner runs of spaces collapsed, repeats joined by commas.</summary>
    private static SortedDictionary<string, string> CanonicalHeaders(HttpRequestMessage request, Uri uri)
    {
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var all = request.Headers.NonValidated.AsEnumerable();
        if (request.Content is not null)
            all = all.Concat(request.Content.Headers.NonValidated);

        foreach (var (name, values) in all)
        {
            if (UnsignedHeaders.Contains(name))
                continue;
            var canonicalName = name.ToLowerInvariant();
            var canonicalValue = string.Join(',', values.Select(CanonicalHeaderValue));
            headers[canonicalName] = headers.TryGetValue(canonicalName, out var earlier) ? $"{earlier},{canonicalValue}" : canonicalValue;
        }

        // HttpClient writes Host from the URI unless the request sets one; sign the value that will be sent.
        if (!headers.ContainsKey("host"))
        {
            var host = uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost}]" : uri.IdnHost;
            headers["host"] = uri.IsDefaultPort ? host : $"{host}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";
        }

        return headers;
    }

    private static string CanonicalHeaderValue(string value)
    {
        var trimmed = value.Trim();
        var collapsed = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            if (c == ' ' && collapsed.Length > 0 && collapsed[^1] == ' ')
                continue;
            collapsed.Append(c);
        }

        return collapsed.ToString();
    }
}
