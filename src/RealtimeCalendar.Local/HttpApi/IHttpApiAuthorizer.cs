namespace RealtimeCalendar.Local.HttpApi;

/// <summary>
/// Plays API Gateway's JWT authorizer: decides whether a request may reach a protected route and which
/// claims the function receives in <c>requestContext.authorizer.jwt.claims</c>.
/// </summary>
public interface IHttpApiAuthorizer
{
    Task<HttpApiAuthorization> AuthorizeAsync(HttpRequest request, CancellationToken cancellationToken);
}
