using System.Security.Cryptography;
using System.Text;

namespace RealtimeCalendar.Core.Identity;

/// <summary>
/// One-time tickets that let a browser open its WebSocket without putting its access token in a URL:
/// random, valid for a minute, stored only as a hash, and consumed atomically on first use.
/// </summary>
public sealed class RealtimeTickets(ITicketStore store, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    private const int TicketBytes = 32;

    public async Task<IssuedTicket> IssueAsync(string userId, CancellationToken cancellationToken)
    {
        var ticket = Base64Url(RandomNumberGenerator.GetBytes(TicketBytes));
        var expiresAt = time.GetUtcNow() + Lifetime;
        await store.PutAsync(new RealtimeTicket(Hash(ticket), userId, expiresAt), cancellationToken);
        return new IssuedTicket(ticket, expiresAt);
    }

    /// <summary>The ticket's user, or null when it is unknown, used, or expired.</summary>
    public async Task<string?> RedeemAsync(string ticket, CancellationToken cancellationToken)
    {
        if (ticket.Length is 0 or > 128)
            return null;
        var taken = await store.TakeAsync(Hash(ticket), time.GetUtcNow(), cancellationToken);
        return taken?.UserId;
    }

    /// <summary>Voids every ticket the user has not used yet (sign-out).</summary>
    public Task RevokeAllAsync(string userId, CancellationToken cancellationToken) => store.DeleteAllForUserAsync(userId, cancellationToken);

    public static string Hash(string ticket) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ticket)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
