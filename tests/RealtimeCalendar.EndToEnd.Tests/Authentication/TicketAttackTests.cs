using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography;
using RealtimeCalendar.Aws.Sessions;
using RealtimeCalendar.Core.Identity;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.EndToEnd.Tests.Realtime;

namespace RealtimeCalendar.EndToEnd.Tests.Authentication;

/// <summary>
/// One-time socket tickets that must not open a socket: used, expired, voided by sign-out, or never issued. Each refusal
/// is a 401 handshake that leaves no connection record and no socket held by the gateway.
/// </summary>
[Collection(LocalCloudCollection.Name)]
public sealed class TicketAttackTests(LocalCloudFixture fixture)
{
    [Fact]
    public async Task Replayed_ticket_is_refused()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var ticket = await RealtimeSession.TicketAsync(http);
        await using var first = await TestSocket.ConnectAsync(fixture.Cloud.WebSocketUrl, TicketQuery(ticket));
        Assert.Single(await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default));

        await AssertRefusedAsync(user, TicketQuery(ticket));

        // The first socket is untouched by the replay.
        Assert.Equal(WebSocketState.Open, first.State);
        await first.SendAsync("""{"action":"ping"}""");
        await first.NextAsync(m => (string?)m["type"] == "pong");
    }

    [Fact]
    public async Task Expired_ticket_is_refused()
    {
        var user = await fixture.CreateUserAsync();
        var ticket = await PutTicketAsync(user, expiresAt: DateTimeOffset.UtcNow.AddSeconds(-5));

        await AssertRefusedAsync(user, TicketQuery(ticket));
    }

    /// <summary>The control for the expired ticket: the same direct write with a future expiry opens a socket.</summary>
    [Fact]
    public async Task Ticket_written_straight_to_the_table_opens_a_socket_while_unexpired()
    {
        var user = await fixture.CreateUserAsync();
        var ticket = await PutTicketAsync(user, expiresAt: DateTimeOffset.UtcNow.AddSeconds(30));

        await using var socket = await TestSocket.ConnectAsync(fixture.Cloud.WebSocketUrl, TicketQuery(ticket));

        Assert.Equal(user.UserId, Assert.Single(await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default)).UserId);
    }

    [Fact]
    public async Task Ticket_of_a_signed_out_session_is_refused()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var tickets = new[] { await RealtimeSession.TicketAsync(http), await RealtimeSession.TicketAsync(http) };

        using var signOut = await http.DeleteAsync("/api/realtime/tickets");
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);

        foreach (var ticket in tickets)
            await AssertRefusedAsync(user, TicketQuery(ticket));
    }

    [Theory]
    [InlineData("never-issued")]
    [InlineData("")]
    [InlineData("a-ticket-far-longer-than-any-the-server-issues-a-ticket-far-longer-than-any-the-server-issues-a-ticket-far-longer-than-any")]
    public async Task Ticket_never_issued_is_refused(string ticket)
    {
        var user = await fixture.CreateUserAsync();

        await AssertRefusedAsync(user, TicketQuery(ticket.Length == 0 ? ticket : ticket + Convert.ToHexString(RandomNumberGenerator.GetBytes(4))));
    }

    /// <summary>The ticket is looked up by its hash; presenting the stored hash itself must not work as a ticket.</summary>
    [Fact]
    public async Task Stored_ticket_hash_is_refused_as_a_ticket()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var ticket = await RealtimeSession.TicketAsync(http);

        await AssertRefusedAsync(user, TicketQuery(RealtimeTickets.Hash(ticket)));

        // The genuine ticket is still unused.
        await using var socket = await TestSocket.ConnectAsync(fixture.Cloud.WebSocketUrl, TicketQuery(ticket));
        Assert.Single(await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default));
    }

    private static string TicketQuery(string ticket) => "?ticket=" + Uri.EscapeDataString(ticket);

    private HashSet<string> OpenSocketIds() => fixture.Cloud.Connections.Snapshot().Select(c => c.ConnectionId).ToHashSet(StringComparer.Ordinal);

    private async Task<string> PutTicketAsync(TestUser user, DateTimeOffset expiresAt)
    {
        var ticket = "direct-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var store = new DynamoDbTicketStore(fixture.Cloud.Services.DynamoDb, fixture.Cloud.Tables.Sessions);
        await store.PutAsync(new RealtimeTicket(RealtimeTickets.Hash(ticket), user.UserId, expiresAt), default);
        return ticket;
    }

    private async Task AssertRefusedAsync(TestUser user, string query)
    {
        var before = await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default);
        var socketsBefore = OpenSocketIds();

        Assert.Equal(HttpStatusCode.Unauthorized, await TestSocket.HandshakeStatusAsync(fixture.Cloud.WebSocketUrl, query));

        Assert.Equal(before, await fixture.Cloud.Services.Connections.ListByUserAsync(user.UserId, default));
        Assert.DoesNotContain(OpenSocketIds(), id => !socketsBefore.Contains(id));
    }
}
