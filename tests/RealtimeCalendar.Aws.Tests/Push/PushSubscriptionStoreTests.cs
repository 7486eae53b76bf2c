using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;
using RealtimeCalendar.Aws.Push;
using RealtimeCalendar.Aws.Tests.Fixtures;
using RealtimeCalendar.Core.Push;

namespace RealtimeCalendar.Aws.Tests.Push;

[Collection(DynamoDbCollection.Name)]
public sealed class PushSubscriptionStoreTests(DynamoDbLocalFixture dynamoDb)
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    private DynamoDbPushSubscriptionStore Store => new(dynamoDb.Client, dynamoDb.Tables.PushSubscriptions, time);

    private static string NewUser() => "user-" + Guid.NewGuid().ToString("N");

    private PushSubscription Subscription(string endpoint, DateTimeOffset? expires = null) =>
        new(endpoint, "BP256dh-" + Guid.NewGuid().ToString("N"), "auth-" + Guid.NewGuid().ToString("N")[..8], expires, time.GetUtcNow());

    [Fact]
    public async Task A_subscription_reads_back_as_stored_and_one_item_per_endpoint_is_kept()
    {
        var user = NewUser();
        var first = Subscription("https://fcm.googleapis.com/fcm/send/a", time.GetUtcNow().AddDays(30));
        Assert.Equal(PushSubscriptionSave.Created, await Store.PutAsync(user, first, 10, CancellationToken.None));
        var again = first with { P256dh = "BnewKey", Auth = "newAuth", ExpirationTime = null };
        Assert.Equal(PushSubscriptionSave.Replaced, await Store.PutAsync(user, again, 10, CancellationToken.None));

        Assert.Equal([again], await Store.ListAsync(user, CancellationToken.None));
        var items = await dynamoDb.Client.QueryAsync(new QueryRequest
        {
            TableName = dynamoDb.Tables.PushSubscriptions,
            KeyConditionExpression = "userId = :u",
            ExpressionAttributeValues = new() { [":u"] = new() { S = user } },
        });
        var item = Assert.Single(items.Items);
        Assert.Equal(43, item[PushSubscriptionItem.EndpointId].S.Length);
        Assert.False(item.ContainsKey(PushSubscriptionItem.ExpiresAt));
    }

    [Fact]
    public async Task The_cap_refuses_a_new_endpoint_but_not_one_already_held_and_other_users_are_untouched()
    {
        var user = NewUser();
        var other = NewUser();
        await Store.PutAsync(other, Subscription("https://push.example.com/other"), 2, CancellationToken.None);
        await Store.PutAsync(user, Subscription("https://push.example.com/1"), 2, CancellationToken.None);
        await Store.PutAsync(user, Subscription("https://push.example.com/2"), 2, CancellationToken.None);

        Assert.Equal(PushSubscriptionSave.LimitReached, await Store.PutAsync(user, Subscription("https://push.example.com/3"), 2, CancellationToken.None));
        Assert.Equal(PushSubscriptionSave.Replaced, await Store.PutAsync(user, Subscription("https://push.example.com/2"), 2, CancellationToken.None));

        Assert.Equal(["https://push.example.com/1", "https://push.example.com/2"], (await Store.ListAsync(user, CancellationToken.None)).Select(s => s.Endpoint).Order());
        Assert.Single(await Store.ListAsync(other, CancellationToken.None));
    }

    [Fact]
    public async Task Expired_subscriptions_are_not_listed_carry_the_ttl_and_free_their_place_under_the_cap()
    {
        var user = NewUser();
        var expiring = Subscription("https://push.example.com/soon", time.GetUtcNow().AddHours(1));
        await Store.PutAsync(user, expiring, 1, CancellationToken.None);
        var stored = await dynamoDb.Client.GetItemAsync(dynamoDb.Tables.PushSubscriptions, PushSubscriptionItem.Key(user, expiring.Endpoint));
        Assert.Equal(time.GetUtcNow().AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), stored.Item[PushSubscriptionItem.ExpiresAt].N);

        time.Advance(TimeSpan.FromHours(2));

        Assert.Empty(await Store.ListAsync(user, CancellationToken.None));
        Assert.Equal(PushSubscriptionSave.Created, await Store.PutAsync(user, Subscription("https://push.example.com/new"), 1, CancellationToken.None));
    }

    [Fact]
    public async Task Delete_removes_only_that_endpoint_of_that_user_and_says_whether_it_was_there()
    {
        var user = NewUser();
        var other = NewUser();
        await Store.PutAsync(user, Subscription("https://push.example.com/a"), 10, CancellationToken.None);
        await Store.PutAsync(user, Subscription("https://push.example.com/b"), 10, CancellationToken.None);
        await Store.PutAsync(other, Subscription("https://push.example.com/a"), 10, CancellationToken.None);

        Assert.True(await Store.DeleteAsync(user, "https://push.example.com/a", CancellationToken.None));
        Assert.False(await Store.DeleteAsync(user, "https://push.example.com/a", CancellationToken.None));

        Assert.Equal(["https://push.example.com/b"], (await Store.ListAsync(user, CancellationToken.None)).Select(s => s.Endpoint));
        Assert.Single(await Store.ListAsync(other, CancellationToken.None));
    }
}
