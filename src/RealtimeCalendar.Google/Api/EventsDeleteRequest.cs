using Google.Apis.Services;
using Google.Apis.Util;

namespace RealtimeCalendar.Google.Api;

/// <summary><c>DELETE calendars/{calendarId}/events/{eventId}</c>; the answer has no body.</summary>
public sealed class EventsDeleteRequest : CalendarServiceRequest<string>
{
    public EventsDeleteRequest(IClientService service, string calendarId, string eventId)
        : base(service, calendarId)
    {
        EventId = eventId;
        InitParameters();
    }

    public override string MethodName => "delete";

    public override string HttpMethod => "DELETE";

    public override string RestPath => "calendars/{calendarId}/events/{eventId}";

    [RequestParameter("eventId", RequestParameterType.Path)]
    public string EventId { get; }

    protected override void InitParameters()
    {
        base.InitParameters();
        AddParameter("eventId", "path", required: true);
    }
}
