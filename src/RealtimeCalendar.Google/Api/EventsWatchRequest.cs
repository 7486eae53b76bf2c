using Google.Apis.Services;
using RealtimeCalendar.Google.Wire;

namespace RealtimeCalendar.Google.Api;

/// <summary><c>POST calendars/{calendarId}/events/watch</c>: opens a push channel to a web hook.</summary>
public sealed class EventsWatchRequest : CalendarServiceRequest<GoogleChannelJson>
{
    public EventsWatchRequest(IClientService service, string calendarId, GoogleChannelJson body)
        : base(service, calendarId, body) => InitParameters();

    public override string MethodName => "watch";

    public override string HttpMethod => "POST";

    public override string RestPath => "calendars/{calendarId}/events/watch";
}
