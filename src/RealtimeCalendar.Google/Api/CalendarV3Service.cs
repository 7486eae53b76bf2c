using System.Net;
using System.Text.Json;
using Google.Apis.Requests;
using Google.Apis.Services;
using RealtimeCalendar.Google.Wire;

namespace RealtimeCalendar.Google.Api;

/// <summary>
/// The Calendar v3 service on Google.Apis' <see cref="BaseClientService"/> (in place of the generated Google.Apis.Calendar.v3
/// package; why our own: src/decisions/0001-own-small-clients.md): its HTTP pipeline, credential and back-off handlers, with our JSON.
/// </summary>
public sealed class CalendarV3Service(BaseClientService.Initializer initializer) : BaseClientService(initializer)
{
    public const string DefaultBaseUri = "https://www.googleapis.com/calendar/v3/";

    public override string Name => "calendar";

    public override string BaseUri => BaseUriOverride ?? DefaultBaseUri;

    public override string BasePath => "calendar/v3/";

    public override IList<string> Features => [];

    /// <summary>Reads Google's error envelope with our serializer (the base class expects its Newtonsoft types).</summary>
    public override async Task<RequestError> DeserializeError(HttpResponseMessage response)
    {
        var text = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync();
        GoogleErrorBodyJson? body = null;
        try
        {
            body = JsonSerializer.Deserialize(text, GoogleJsonContext.Default.GoogleErrorJson)?.Error;
        }
        catch (JsonException)
        {
            // Not Google's envelope (a proxy's HTML page, say): the status code still tells what happened.
        }

        return new RequestError
        {
            Code = body?.Code ?? (int)response.StatusCode,
            Message = body?.Message ?? (response.StatusCode == HttpStatusCode.OK ? string.Empty : response.ReasonPhrase),
            Errors = body?.Errors?.Select(e => new SingleError { Domain = e.Domain, Reason = e.Reason, Message = e.Message }).ToList() ?? [],
            ErrorResponseContent = text,
        };
    }
}
