using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Aws.Sessions;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;

namespace RealtimeCalendar.EndToEnd.Tests.Authentication;

/// <summary>
/// Everything a request can leave behind for one user, read straight from the tables: events (with versions and titles),
/// session items (socket tickets) and connection records. Two equal footprints mean nothing of the user's changed.
/// </summary>
internal sealed record UserFootprint(string Events, int SessionItems, int Connections)
{
    private static readonly TimeRange AllTime = new(new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2199, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static async Task<UserFootprint> ReadAsync(LocalCloudFixture fixture, string userId)
    {
        var events = await fixture.Cloud.Services.Calendar.ListAllAsync(userId, AllTime);
        var sessions = await fixture.Cloud.Services.DynamoDb.QueryAsync(new QueryRequest
        {
            TableName = fixture.Cloud.Tables.Sessions,
            IndexName = SessionItem.ByUserIndex,
            KeyConditionExpression = "#userId = :userId",
            ExpressionAttributeNames = new() { ["#userId"] = SessionItem.UserId },
            ExpressionAttributeValues = new() { [":userId"] = new() { S = userId } },
            Select = Select.COUNT,
        });
        var connections = await fixture.Cloud.Services.Connections.ListByUserAsync(userId, default);
        return new UserFootprint(
            string.Join(" | ", events.OrderBy(e => e.EventId, StringComparer.Ordinal).Select(e => $"{e.EventId} v{e.Version} {e.Title}")),
            sessions.Count ?? 0,
            connections.Count);
    }
}
