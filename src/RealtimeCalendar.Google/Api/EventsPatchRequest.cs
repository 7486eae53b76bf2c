using Google.Apis.Services;
using Google.Apis.Util;
using RealtimeCalendar.Google.Wire;

namespace RealtimeCalendar.Google.Api;

/// <summary><c>PATCH calendars/{calendarId}/events/{eventId}</c>.</summary>
public sealed class EventsPatchRequest : CalendarServiceRequest<GoogleEventJson>
{
    public EventsPatchRequest(IClientService service, string calendarId, string eventId, GoogleEventJson body)
        : base(service, calendarId, body)
    {
        EventId = eventId;
        InitParameters();
    }

    public override string MethodName => "patch";

    public override string HttpMethod => "PATCH";

    public override string RestPath => "calendars/{calendarId}/events/{eventId}";

    [RequestParameter("eventId", RequestParameterType.Path)]
    public string EventId { get; }

    protected override void InitParameters()
    {
        base.InitParameters();
        AddParameter("eventId", "path", required: true);
    }
}
