using Google.Apis.Services;
using RealtimeCalendar.Google.Wire;

namespace RealtimeCalendar.Google.Api;

/// <summary><c>POST calendars/{calendarId}/events</c>.</summary>
public sealed class EventsInsertRequest : CalendarServiceRequest<GoogleEventJson>
{
    public EventsInsertRequest(IClientService service, string calendarId, GoogleEventJson body)
        : base(service, calendarId, body) => InitParameters();

    public override string MethodName => "insert";

    public override string HttpMethod => "POST";

    public override string RestPath => "calendars/{calendarId}/events";
}
