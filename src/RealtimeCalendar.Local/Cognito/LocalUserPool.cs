using System.Security.Cryptography;
using System.Text.Json;

namespace RealtimeCalendar.Local.Cognito;

/// <summary>
/// The local user pool, app client and development user, created on first run and remembered in the local
/// data folder (the password is generated, never in code, and stays on this machine).
/// </summary>
public sealed record LocalUserPool(string UserPoolId, string ClientId, string DeveloperEmail, string DeveloperPassword)
{
    public const string DeveloperEmailAddress = "developer@realtimecalendar.local";

    /// <summary>The issuer cognito-local writes into tokens of this pool.</summary>
    public string Issuer(Uri cognitoEndpoint) => new Uri(cognitoEndpoint, UserPoolId).ToString();

    public static async Task<LocalUserPool> EnsureAsync(CognitoIdentityProviderClient cognito, string stateFile, CancellationToken cancellationToken)
    {
        if (File.Exists(stateFile))
        {
            var saved = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(stateFile, cancellationToken), CognitoJsonContext.Default.LocalUserPool);
            if (saved is not null && await cognito.UserPoolExistsAsync(saved.UserPoolId, cancellationToken))
                return saved;
        }

        var poolId = await cognito.CreateUserPoolAsync("realtimecalendar-local", cancellationToken);
        var clientId = await cognito.CreateUserPoolClientAsync(poolId, "web", cancellationToken);
        var password = "Rc-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y') + "-9a";
        await cognito.CreateConfirmedUserAsync(poolId, clientId, DeveloperEmailAddress, password, cancellationToken);

        var pool = new LocalUserPool(poolId, clientId, DeveloperEmailAddress, password);
        Directory.CreateDirectory(Path.GetDirectoryName(stateFile)!);
        await File.WriteAllBytesAsync(stateFile, JsonSerializer.SerializeToUtf8Bytes(pool, CognitoJsonContext.Default.LocalUserPool), cancellationToken);
        return pool;
    }
}
