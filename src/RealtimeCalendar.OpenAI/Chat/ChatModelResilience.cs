using System.ClientModel;
using System.Globalization;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace RealtimeCalendar.OpenAI.Chat;

/// <summary>
/// The Polly pipeline around each model call: a timeout per attempt inside a jittered exponential retry on 429, 5xx,
/// network failures and timeouts, honouring the server's Retry-After. The OpenAI client's own retries are turned off
/// so that this is the only retry policy.
/// </summary>
public static class ChatModelResilience
{
    public static ResiliencePipeline Create(OpenAIChatOptions options, TimeProvider time) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<ClientResultException>(IsTransient)
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                DelayGenerator = arguments => ValueTask.FromResult(
                    arguments.Outcome.Exception is ClientResultException failure && RetryAfter(failure, time) is { } wait
                        ? (TimeSpan?)TimeSpan.FromTicks(Math.Min(wait.Ticks, options.MaxRetryAfter.Ticks))
                        : null),
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();

    public static bool IsTransient(ClientResultException failure) => failure.Status is 408 or 429 or >= 500 or 0;

    /// <summary>The server's Retry-After (seconds, or an HTTP date measured against <paramref name="time"/>), if it sent one.</summary>
    public static TimeSpan? RetryAfter(ClientResultException failure, TimeProvider time)
    {
        if (failure.GetRawResponse() is not { } response || !response.Headers.TryGetValue("Retry-After", out var value) || value is null)
            return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return TimeSpan.FromSeconds(seconds);
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero
            : null;
    }
}
