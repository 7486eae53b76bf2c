using RealtimeCalendar.Functions.Site;

namespace RealtimeCalendar.Deploy.Site;

public sealed record StaticSiteProps(
    string ClientDistDirectory,
    string ApiDomainName,
    IReadOnlyDictionary<string, object> ClientConfig,
    string? WebAclArn,
    SiteSecurityHeaders SecurityHeaders);
