namespace RealtimeCalendar.Local.HttpApi;

/// <summary>
/// Until Cognito sign-in exists, every local request acts as one development user, passed through the
/// same claims field the real JWT authorizer fills, so the functions do not change when sign-in arrives.
/// </summary>
public sealed class DevelopmentUserAuthorizer(string userId) : IHttpApiAuthorizer
{
    public Task<HttpApiAuthorization> AuthorizeAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(HttpApiAuthorization.Allow(new Dictionary<string, string> { ["sub"] = userId, ["token_use"] = "access" }));
}
