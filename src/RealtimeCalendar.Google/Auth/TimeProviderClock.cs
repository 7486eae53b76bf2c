using Google.Apis.Util;

namespace RealtimeCalendar.Google.Auth;

/// <summary>Google.Apis' clock seam on a <see cref="TimeProvider"/>, so token expiry follows the same clock as the rest.</summary>
public sealed class TimeProviderClock(TimeProvider time) : IClock
{
    public DateTime Now => time.GetLocalNow().DateTime;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
}
