using Google.Apis.Util;

namespace RealtimeCalendar.Google.Api;

/// <summary>
/// Back-off that starts at a configurable delay and doubles, with up to 25 % jitter. Google.Apis' own
/// <see cref="ExponentialBackOff"/> always starts at one second, too slow to tune and to test.
/// </summary>
public sealed class DoublingBackOff(TimeSpan initialDelay, int maxRetries) : IBackOff
{
    public int MaxNumOfRetries => maxRetries;

    public TimeSpan GetNextBackOff(int currentRetry)
    {
        if (currentRetry <= 0 || currentRetry > maxRetries)
            return TimeSpan.MinValue;
        var delay = initialDelay * Math.Pow(2, currentRetry - 1);
        return delay + (delay * (Random.Shared.NextDouble() * 0.25));
    }
}
