using RealtimeCalendar.Functions.Routing;

namespace RealtimeCalendar.Local.HttpApi;

/// <summary>Matches a method and path against the HTTP API's route keys the way API Gateway does ({name} = one segment).</summary>
public sealed class RouteTable(IReadOnlyList<HttpRoute> routes)
{
    public RouteMatch? Match(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var route in routes)
        {
            if (!route.Method.Equals(method, StringComparison.OrdinalIgnoreCase))
                continue;
            var template = route.PathTemplate.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (template.Length != segments.Length)
                continue;

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            var matched = true;
            for (var i = 0; i < template.Length && matched; i++)
            {
                if (template[i].StartsWith('{') && template[i].EndsWith('}'))
                    parameters[template[i][1..^1]] = Uri.UnescapeDataString(segments[i]);
                else
                    matched = string.Equals(template[i], segments[i], StringComparison.Ordinal);
            }

            if (matched)
                return new RouteMatch(route, parameters);
        }

        return null;
    }
}
