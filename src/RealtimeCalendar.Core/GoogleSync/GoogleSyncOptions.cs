namespace RealtimeCalendar.Core.GoogleSync;

/// <summary>Deployment settings of Google sync.</summary>
public sealed record GoogleSyncOptions
{
    /// <summary>
    /// The public HTTPS address of <c>POST /api/google/webhook</c>. Without it no push channel is opened and changes in
    /// Google arrive only on an explicit sync (Google refuses plain-HTTP and localhost addresses).
    /// </summary>
    public Uri? WebhookAddress { get; init; }

    /// <summary>A channel this close to its expiry is replaced at the next pull.</summary>
    public TimeSpan ChannelRenewalMargin { get; init; } = TimeSpan.FromDays(1);
}
