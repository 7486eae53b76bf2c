using Amazon.CDK;
using Amazon.CDK.AWS.Cognito;
using Constructs;

namespace RealtimeCalendar.Deploy.Identity;

/// <summary>
/// The Cognito user pool (e-mail sign-in, accounts created by the operator only) and the browser's app client,
/// which signs in with USER_PASSWORD_AUTH and refreshes tokens; a browser cannot keep a client secret, so it has none.
/// </summary>
public sealed class UserDirectory : Construct
{
    public UserDirectory(Construct scope, string id)
        : base(scope, id)
    {
        Pool = new UserPool(this, "Pool", new UserPoolProps
        {
            // A findable name: the pool outlives the stack (see deploy/README.md on tearing down).
            UserPoolName = Stack.Of(this).StackName + "-users",
            SelfSignUpEnabled = false,
            SignInAliases = new SignInAliases { Email = true },
            AutoVerify = new AutoVerifiedAttrs { Email = true },
            StandardAttributes = new StandardAttributes
            {
                Email = new StandardAttribute { Required = true, Mutable = true },
            },
            PasswordPolicy = new PasswordPolicy
            {
                MinLength = 12,
                RequireDigits = true,
                RequireLowercase = true,
                RequireUppercase = true,
                RequireSymbols = false,
                TempPasswordValidity = Duration.Days(7),
            },
            AccountRecovery = AccountRecovery.EMAIL_ONLY,
            // Event rows are keyed by the user's `sub`: a new pool would orphan them, so the pool is kept like the Events table.
            RemovalPolicy = RemovalPolicy.RETAIN,
        });

        Client = Pool.AddClient("WebClient", new UserPoolClientOptions
        {
            // CDK adds ALLOW_REFRESH_TOKEN_AUTH whenever any flow is enabled.
            AuthFlows = new AuthFlow { UserPassword = true },
            GenerateSecret = false,
            DisableOAuth = true,
            PreventUserExistenceErrors = true,
            EnableTokenRevocation = true,
            AccessTokenValidity = Duration.Hours(1),
            IdTokenValidity = Duration.Hours(1),
            RefreshTokenValidity = Duration.Days(30),
        });
    }

    public UserPool Pool { get; }

    public UserPoolClient Client { get; }

    /// <summary>The <c>iss</c> of the pool's tokens: <c>https://cognito-idp.{region}.amazonaws.com/{poolId}</c>.</summary>
    public string Issuer => Pool.UserPoolProviderUrl;

    /// <summary>The Cognito Identity Provider API endpoint the browser signs in against.</summary>
    public string ApiEndpoint => $"https://cognito-idp.{Stack.Of(this).Region}.{Stack.Of(this).UrlSuffix}/";
}
