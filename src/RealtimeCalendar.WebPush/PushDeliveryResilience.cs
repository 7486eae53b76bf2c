using System.Net;
using Lib.Net.Http.WebPush;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace RealtimeCalendar.WebPush;

/// <summary>
/// The Polly pipeline around each push message request: a timeout per attempt inside a jittered exponential retry on
/// 429, 5xx, network failures and timeouts (RFC 8030 section 8.4 lets a push service throttle with 429), waiting out a
/// Retry-After up to <see cref="WebPushOptions.MaxRetryAfter"/>; one that asks for longer is not retried. The push
/// client's own 429 loop is off, so this is the only retry.
/// </summary>
public static class PushDeliveryResilience
{
    public static ResiliencePipeline Create(WebPushOptions options, TimeProvider time) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = arguments => ValueTask.FromResult(arguments.Outcome.Exception switch
                {
                    PushServiceClientException refusal => IsTransient(refusal.StatusCode) && !(RetryAfter(refusal, time) > options.MaxRetryAfter),
                    HttpRequestException or TimeoutRejectedException => true,
                    _ => false,
                }),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                DelayGenerator = arguments => ValueTask.FromResult(
                    arguments.Outcome.Exception is PushServiceClientException refusal ? RetryAfter(refusal, time) : null),
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();

    public static bool IsTransient(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError;

    /// <summary>The push service's Retry-After (seconds, or an HTTP date measured against <paramref name="time"/>), if it sent one.</summary>
    public static TimeSpan? RetryAfter(PushServiceClientException refusal, TimeProvider time) => refusal.Headers?.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };
}
