using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AwsApigatewayv2Authorizers;
using Amazon.CDK.AwsApigatewayv2Integrations;
using Constructs;
using RealtimeCalendar.Core.Identity;
using RealtimeCalendar.Deploy.Functions;
using RealtimeCalendar.Deploy.Identity;
using RealtimeCalendar.Functions.Routing;
using HttpMethod = Amazon.CDK.AWS.Apigatewayv2.HttpMethod;

namespace RealtimeCalendar.Deploy.Api;

/// <summary>
/// The HTTP API: every route of <see cref="HttpRoutes.All"/> to its function, behind a Cognito JWT authorizer unless
/// the route is meant to be public. CloudFront forwards <c>/api/*</c> here, so the routes keep their <c>/api</c> prefix.
/// </summary>
public sealed class CalendarHttpApi : Construct
{
    public CalendarHttpApi(Construct scope, string id, BootstrapFunctions functions, UserDirectory users)
        : base(scope, id)
    {
        Api = new HttpApi(this, "Api", new HttpApiProps
        {
            ApiName = $"{Stack.Of(this).StackName}-http",
            Description = "RealtimeCalendar HTTP API (reached through CloudFront /api/*)",
            CreateDefaultStage = false,
        });
        Stage = new HttpStage(this, "DefaultStage", new HttpStageProps
        {
            HttpApi = Api,
            StageName = "$default",
            AutoDeploy = true,
            Throttle = ApiThrottling.Personal,
        });

        // Cognito access tokens carry no `aud`; API Gateway then checks `client_id` against the audience list.
        Authorizer = new HttpJwtAuthorizer("CognitoJwt", users.Issuer, new HttpJwtAuthorizerProps
        {
            AuthorizerName = "cognito-jwt",
            JwtAudience = [users.Client.UserPoolClientId],
        });

        var integrations = new Dictionary<string, HttpLambdaIntegration>(StringComparer.Ordinal);
        foreach (var route in HttpRoutes.All)
        {
            if (!integrations.TryGetValue(route.Function, out var integration))
            {
                integration = new HttpLambdaIntegration(ConstructNames.Pascal(route.Function) + "Integration", functions[route.Function]);
                integrations[route.Function] = integration;
            }

            Api.AddRoutes(new AddRoutesOptions
            {
                Path = route.PathTemplate,
                Methods = [Enum.Parse<HttpMethod>(route.Method, ignoreCase: true)],
                Integration = integration,
                Authorizer = route.RequiresAuthorization ? Authorizer : null,
                // The authorizer checks signature, issuer, audience and lifetime only; an ID token's aud is the app
                // client id, so only this scope (which every access token carries and no ID token does) refuses it.
                AuthorizationScopes = route.RequiresAuthorization ? [AccessTokenClaims.SignedInUserScope] : null,
            });
        }
    }

    public HttpApi Api { get; }

    public HttpStage Stage { get; }

    public HttpJwtAuthorizer Authorizer { get; }

    /// <summary>The API's execute-api host name, CloudFront's origin for <c>/api/*</c>.</summary>
    public string DomainName => $"{Api.ApiId}.execute-api.{Stack.Of(this).Region}.{Stack.Of(this).UrlSuffix}";
}
