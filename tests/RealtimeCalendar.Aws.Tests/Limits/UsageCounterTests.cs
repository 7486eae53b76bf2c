using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Aws.Limits;
using RealtimeCalendar.Aws.Sessions;
using RealtimeCalendar.Aws.Tests.Fixtures;

namespace RealtimeCalendar.Aws.Tests.Limits;

[Collection(DynamoDbCollection.Name)]
public sealed class UsageCounterTests(DynamoDbLocalFixture dynamoDb)
{
    private static readonly DateTimeOffset WindowEnd = new(2026, 11, 26, 10, 1, 0, TimeSpan.Zero);

    private DynamoDbUsageCounter Counter => new(dynamoDb.Client, dynamoDb.Tables.Sessions);

    [Fact]
    public async Task Concurrent_uses_are_all_counted()
    {
        var key = $"quota#requests#{Guid.NewGuid():N}#1";

        var counts = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => Counter.IncrementAsync(key, WindowEnd, default)));

        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), counts.Order());
    }

    [Fact]
    public async Task The_counter_expires_with_its_first_window_end()
    {
        var key = $"quota#chat#{Guid.NewGuid():N}#1";

        await Counter.IncrementAsync(key, WindowEnd, default);
        await Counter.IncrementAsync(key, WindowEnd.AddDays(1), default);

        var item = (await dynamoDb.Client.GetItemAsync(new GetItemRequest
        {
            TableName = dynamoDb.Tables.Sessions,
            Key = new() { [SessionItem.Id] = new() { S = key } },
        })).Item;
        Assert.Equal(WindowEnd.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item[SessionItem.ExpiresAt].N);
        Assert.Equal("2", item["count"].N);
    }
}
