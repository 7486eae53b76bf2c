using Microsoft.Extensions.Time.Testing;
using RealtimeCalendar.Aws.Identity;

namespace RealtimeCalendar.Aws.Tests.Authentication;

/// <summary>
/// A validator wired as production wires it (real HTTP to a JWKS endpoint), with a fake clock far from the machine's own,
/// so a check that read the system clock instead of the TimeProvider would give the wrong verdict.
/// </summary>
public sealed class TokenValidationRig : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2031, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly HttpClient http = new();

    private TokenValidationRig(JwksServer server)
    {
        Server = server;
        Options = new CognitoTokenValidationOptions { Issuer = server.Issuer, AllowedClientIds = [AccessTokens.ClientId] };
        KeySet = new CognitoJsonWebKeySet(http, Options, Time, KeySetLog);
        Validator = new CognitoAccessTokenValidator(KeySet, Options, Time, ValidatorLog);
        Tokens = new AccessTokens(server.Issuer, Time);
    }

    public JwksServer Server { get; }
    public FakeTimeProvider Time { get; } = new(Start);
    public CognitoTokenValidationOptions Options { get; }
    public CognitoJsonWebKeySet KeySet { get; }
    public CognitoAccessTokenValidator Validator { get; }
    public AccessTokens Tokens { get; }
    public RecordingLogger<CognitoAccessTokenValidator> ValidatorLog { get; } = new();
    public RecordingLogger<CognitoJsonWebKeySet> KeySetLog { get; } = new();

    /// <summary>Starts with the pool publishing <see cref="TestSigningKey.Current"/>.</summary>
    public static async Task<TokenValidationRig> StartAsync()
    {
        var server = await JwksServer.StartAsync();
        server.Document = TestSigningKey.KeySet(TestSigningKey.Current.Jwk());
        return new TokenValidationRig(server);
    }

    public Task<Core.Identity.AccessTokenValidation> ValidateAsync(string token) =>
        Validator.ValidateAsync(token, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await Server.DisposeAsync();
    }
}
