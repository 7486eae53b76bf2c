using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RealtimeCalendar.Local.Cognito;

/// <summary>
/// The few Cognito user-pool calls the local cloud and its tests make, over Cognito's JSON 1.1 protocol
/// (<c>X-Amz-Target: AWSCognitoIdentityProviderService.*</c>); in place of AWSSDK.CognitoIdentityProvider (why our own: src/decisions/0001-own-small-clients.md).
/// Works unchanged against cognito-local and, for the unauthenticated calls (SignUp, InitiateAuth), real Cognito.
/// </summary>
public sealed class CognitoIdentityProviderClient(HttpClient http, Uri endpoint)
{
    public Uri Endpoint => endpoint;

    public async Task<string> CreateUserPoolAsync(string name, CancellationToken cancellationToken) =>
        (await CallAsync("CreateUserPool",
            new CreateUserPoolRequest(name, new UserPoolPolicies(new PasswordPolicy(12, true, true, true, false))),
            CognitoJsonContext.Default.CreateUserPoolRequest, CognitoJsonContext.Default.UserPoolResponse, cancellationToken)).UserPool.Id;

    public async Task<bool> UserPoolExistsAsync(string userPoolId, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync("DescribeUserPool", new DescribeUserPoolRequest(userPoolId),
                CognitoJsonContext.Default.DescribeUserPoolRequest, CognitoJsonContext.Default.UserPoolResponse, cancellationToken);
            return true;
        }
        catch (CognitoApiException e) when (e.ErrorType.EndsWith("ResourceNotFoundException", StringComparison.Ordinal))
        {
            return false;
        }
    }

    public async Task<string> CreateUserPoolClientAsync(string userPoolId, string name, CancellationToken cancellationToken) =>
        (await CallAsync("CreateUserPoolClient",
            new CreateUserPoolClientRequest(userPoolId, name, ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]),
            CognitoJsonContext.Default.CreateUserPoolClientRequest, CognitoJsonContext.Default.UserPoolClientResponse, cancellationToken)).UserPoolClient.ClientId;

    /// <summary>Signs a user up and confirms them as an administrator would; returns the user's <c>sub</c>.</summary>
    public async Task<string> CreateConfirmedUserAsync(string userPoolId, string clientId, string email, string password, CancellationToken cancellationToken)
    {
        var signUp = await CallAsync("SignUp", new SignUpRequest(clientId, email, password),
            CognitoJsonContext.Default.SignUpRequest, CognitoJsonContext.Default.SignUpResponse, cancellationToken);
        await CallAsync("AdminConfirmSignUp", new AdminUserRequest(userPoolId, email),
            CognitoJsonContext.Default.AdminUserRequest, CognitoJsonContext.Default.EmptyResponse, cancellationToken);
        return signUp.UserSub;
    }

    public Task DeleteUserAsync(string userPoolId, string username, CancellationToken cancellationToken) =>
        CallAsync("AdminDeleteUser", new AdminUserRequest(userPoolId, username),
            CognitoJsonContext.Default.AdminUserRequest, CognitoJsonContext.Default.EmptyResponse, cancellationToken);

    public Task<AuthenticationResult> SignInAsync(string clientId, string username, string password, CancellationToken cancellationToken) =>
        InitiateAuthAsync(clientId, "USER_PASSWORD_AUTH", new Dictionary<string, string> { ["USERNAME"] = username, ["PASSWORD"] = password }, cancellationToken);

    public Task<AuthenticationResult> RefreshAsync(string clientId, string refreshToken, CancellationToken cancellationToken) =>
        InitiateAuthAsync(clientId, "REFRESH_TOKEN_AUTH", new Dictionary<string, string> { ["REFRESH_TOKEN"] = refreshToken }, cancellationToken);

    private async Task<AuthenticationResult> InitiateAuthAsync(
        string clientId, string flow, Dictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var response = await CallAsync("InitiateAuth", new InitiateAuthRequest(flow, clientId, parameters),
            CognitoJsonContext.Default.InitiateAuthRequest, CognitoJsonContext.Default.InitiateAuthResponse, cancellationToken);
        return response.AuthenticationResult ?? throw new CognitoApiException("ChallengeRequired", "Sign-in needs a challenge this client does not answer.");
    }

    private async Task<TResponse> CallAsync<TRequest, TResponse>(
        string action, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, requestType)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", $"AWSCognitoIdentityProviderService.{action}");

        using var response = await http.SendAsync(request, cancellationToken);
        var payload = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            using var error = JsonDocument.Parse(payload.Length > 0 ? payload : "{}"u8.ToArray());
            var type = error.RootElement.TryGetProperty("__type", out var t) ? t.GetString() ?? "Unknown" : $"Http{(int)response.StatusCode}";
            var message = error.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty;
            throw new CognitoApiException(type, message);
        }

        return JsonSerializer.Deserialize(payload.Length > 0 ? payload : "{}"u8.ToArray(), responseType)
            ?? throw new CognitoApiException("EmptyResponse", $"{action} answered JSON null.");
    }
}
