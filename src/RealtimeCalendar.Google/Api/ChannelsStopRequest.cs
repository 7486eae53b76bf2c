using Google.Apis.Requests;
using Google.Apis.Services;
using RealtimeCalendar.Google.Wire;

namespace RealtimeCalendar.Google.Api;

/// <summary><c>POST channels/stop</c> with the channel's id and resource id; the answer has no body.</summary>
public sealed class ChannelsStopRequest : ClientServiceRequest<string>
{
    private readonly GoogleChannelJson body;

    public ChannelsStopRequest(IClientService service, GoogleChannelJson body)
        : base(service)
    {
        this.body = body;
        InitParameters();
    }

    public override string MethodName => "stop";

    public override string HttpMethod => "POST";

    public override string RestPath => "channels/stop";

    protected override object GetBody() => body;
}
