using Google.Apis.Discovery;
using Google.Apis.Requests;
using Google.Apis.Services;
using Google.Apis.Util;

namespace RealtimeCalendar.Google.Api;

/// <summary>A Calendar v3 request on one calendar (<c>calendars/{calendarId}/…</c>), with an optional JSON body.</summary>
public abstract class CalendarServiceRequest<TResponse>(IClientService service, string calendarId, object? body = null)
    : ClientServiceRequest<TResponse>(service)
{
    [RequestParameter("calendarId", RequestParameterType.Path)]
    public string CalendarId { get; } = calendarId;

    protected override object? GetBody() => body;

    protected override void InitParameters()
    {
        base.InitParameters();
        AddParameter("calendarId", "path", required: true);
    }

    protected void AddParameter(string name, string type, bool required = false) =>
        RequestParameters.Add(name, new Parameter { Name = name, ParameterType = type, IsRequired = required });
}
