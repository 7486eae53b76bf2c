using Google.Apis.Services;
using Google.Apis.Util;
using RealtimeCalendar.Google.Wire;

namespace RealtimeCalendar.Google.Api;

/// <summary><c>GET calendars/{calendarId}/events</c> with <c>syncToken</c>, <c>pageToken</c> and <c>showDeleted</c>.</summary>
public sealed class EventsListRequest : CalendarServiceRequest<GoogleEventListJson>
{
    public EventsListRequest(IClientService service, string calendarId)
        : base(service, calendarId) => InitParameters();

    public override string MethodName => "list";

    public override string HttpMethod => "GET";

    public override string RestPath => "calendars/{calendarId}/events";

    [RequestParameter("syncToken", RequestParameterType.Query)]
    public string? SyncToken { get; set; }

    [RequestParameter("pageToken", RequestParameterType.Query)]
    public string? PageToken { get; set; }

    /// <summary>"true" to include cancelled events (a string, so the query carries Google's lowercase form).</summary>
    [RequestParameter("showDeleted", RequestParameterType.Query)]
    public string? ShowDeleted { get; set; }

    [RequestParameter("maxResults", RequestParameterType.Query)]
    public int? MaxResults { get; set; }

    protected override void InitParameters()
    {
        base.InitParameters();
        AddParameter("syncToken", "query");
        AddParameter("pageToken", "query");
        AddParameter("showDeleted", "query");
        AddParameter("maxResults", "query");
    }
}
