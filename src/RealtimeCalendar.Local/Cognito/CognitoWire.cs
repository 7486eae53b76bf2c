using System.Text.Json.Serialization;

namespace RealtimeCalendar.Local.Cognito;

// The Cognito Identity Provider JSON 1.1 wire shapes this project calls (in place of AWSSDK.CognitoIdentityProvider; why our own: src/decisions/0001-own-small-clients.md).

internal sealed record CreateUserPoolRequest(string PoolName, UserPoolPolicies? Policies);

internal sealed record UserPoolPolicies(PasswordPolicy PasswordPolicy);

internal sealed record PasswordPolicy(int MinimumLength, bool RequireUppercase, bool RequireLowercase, bool RequireNumbers, bool RequireSymbols);

internal sealed record UserPoolResponse(UserPoolDescription UserPool);

internal sealed record UserPoolDescription(string Id, string? Name);

internal sealed record DescribeUserPoolRequest(string UserPoolId);

internal sealed record CreateUserPoolClientRequest(string UserPoolId, string ClientName, IReadOnlyList<string> ExplicitAuthFlows);

internal sealed record UserPoolClientResponse(UserPoolClientDescription UserPoolClient);

internal sealed record UserPoolClientDescription(string ClientId, string UserPoolId);

internal sealed record SignUpRequest(string ClientId, string Username, string Password);

internal sealed record SignUpResponse(string UserSub, bool UserConfirmed);

internal sealed record AdminUserRequest(string UserPoolId, string Username);

internal sealed record InitiateAuthRequest(string AuthFlow, string ClientId, IReadOnlyDictionary<string, string> AuthParameters);

internal sealed record InitiateAuthResponse(AuthenticationResult? AuthenticationResult);

internal sealed record EmptyResponse;

[JsonSerializable(typeof(CreateUserPoolRequest))]
[JsonSerializable(typeof(UserPoolResponse))]
[JsonSerializable(typeof(DescribeUserPoolRequest))]
[JsonSerializable(typeof(CreateUserPoolClientRequest))]
[JsonSerializable(typeof(UserPoolClientResponse))]
[JsonSerializable(typeof(SignUpRequest))]
[JsonSerializable(typeof(SignUpResponse))]
[JsonSerializable(typeof(AdminUserRequest))]
[JsonSerializable(typeof(InitiateAuthRequest))]
[JsonSerializable(typeof(InitiateAuthResponse))]
[JsonSerializable(typeof(EmptyResponse))]
[JsonSerializable(typeof(LocalUserPool))]
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = true)]
internal sealed partial class CognitoJsonContext : JsonSerializerContext;
