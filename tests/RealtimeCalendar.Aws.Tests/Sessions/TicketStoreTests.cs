using RealtimeCalendar.Aws.Sessions;
using RealtimeCalendar.Aws.Tests.Fixtures;
using RealtimeCalendar.Core.Identity;

namespace RealtimeCalendar.Aws.Tests.Sessions;

[Collection(DynamoDbCollection.Name)]
public sealed class TicketStoreTests(DynamoDbLocalFixture dynamoDb)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private DynamoDbTicketStore Store => new(dynamoDb.Client, dynamoDb.Tables.Sessions);

    [Fact]
    public async Task A_ticket_can_be_taken_exactly_once()
    {
        var ticket = new RealtimeTicket(Guid.NewGuid().ToString("N"), "alice", Now.AddSeconds(60));
        await Store.PutAsync(ticket, default);

        Assert.Equal("alice", (await Store.TakeAsync(ticket.TicketHash, Now, default))?.UserId);
        Assert.Null(await Store.TakeAsync(ticket.TicketHash, Now, default));
    }

    [Fact]
    public async Task Racing_takes_of_one_ticket_have_a_single_winner()
    {
        var ticket = new RealtimeTicket(Guid.NewGuid().ToString("N"), "alice", Now.AddSeconds(60));
        await Store.PutAsync(ticket, default);

        var takes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Store.TakeAsync(ticket.TicketHash, Now, default)));

        Assert.Single(takes, t => t is not null);
    }

    [Fact]
    public async Task An_expired_ticket_cannot_be_taken()
    {
        var ticket = new RealtimeTicket(Guid.NewGuid().ToString("N"), "alice", Now.AddSeconds(60));
        await Store.PutAsync(ticket, default);
        Assert.Null(await Store.TakeAsync(ticket.TicketHash, Now.AddSeconds(61), default));
    }

    [Fact]
    public async Task An_unknown_ticket_cannot_be_taken()
    {
        Assert.Null(await Store.TakeAsync(Guid.NewGuid().ToString("N"), Now, default));
    }

    [Fact]
    public async Task Deleting_a_users_tickets_spares_other_users()
    {
        var user = Guid.NewGuid().ToString();
        var mine = new RealtimeTicket(Guid.NewGuid().ToString("N"), user, Now.AddSeconds(60));
        var theirs = new RealtimeTicket(Guid.NewGuid().ToString("N"), "someone-else", Now.AddSeconds(60));
        await Store.PutAsync(mine, default);
        await Store.PutAsync(theirs, default);

        await Store.DeleteAllForUserAsync(user, default);

        Assert.Null(await Store.TakeAsync(mine.TicketHash, Now, default));
        Assert.NotNull(await Store.TakeAsync(theirs.TicketHash, Now, default));
    }
}
