using RealtimeCalendar.Functions.Site;

namespace RealtimeCalendar.Local.Client;

/// <summary>
/// Serves the browser app with the same <see cref="SiteSecurityHeaders"/> CloudFront adds in the cloud: on every
/// response outside the APIs (CloudFront's default behaviour covers the bucket, <c>/api/*</c> goes to the HTTP API).
/// </summary>
public static class SiteSecurityHeadersMiddleware
{
    public static IApplicationBuilder UseSiteSecurityHeaders(this IApplicationBuilder app, SiteSecurityHeaders policy) =>
        app.Use((context, next) =>
        {
            var path = context.Request.Path;
            if (!path.StartsWithSegments("/api") && !path.StartsWithSegments("/ws") && !path.StartsWithSegments("/@connections"))
            {
                foreach (var (name, value) in policy.Headers)
                    context.Response.Headers[name] = value;
            }

            return next(context);
        });
}
