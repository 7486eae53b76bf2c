using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Core.Identity;

namespace RealtimeCalendar.Aws.Sessions;

/// <summary>
/// One-time WebSocket tickets in the Sessions table. Taking a ticket is a single conditional delete, so two
/// sockets racing with the same ticket can never both win.
/// </summary>
public sealed class DynamoDbTicketStore(IAmazonDynamoDB dynamoDb, string tableName) : ITicketStore
{
    private const string TicketKind = "ticket";

    public Task PutAsync(RealtimeTicket ticket, CancellationToken cancellationToken) =>
        dynamoDb.PutItemAsync(
            new PutItemRequest
            {
                TableName = tableName,
                Item = new()
                {
                    [SessionItem.Id] = new() { S = ItemId(ticket.TicketHash) },
                    [SessionItem.Kind] = new() { S = TicketKind },
                    [SessionItem.UserId] = new() { S = ticket.UserId },
                    [SessionItem.ExpiresAt] = new() { N = ticket.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
                },
            },
            cancellationToken);

    public async Task<RealtimeTicket?> TakeAsync(string ticketHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var response = await dynamoDb.DeleteItemAsync(
                new DeleteItemRequest
                {
                    TableName = tableName,
                    Key = new() { [SessionItem.Id] = new() { S = ItemId(ticketHash) } },
                    ConditionExpression = "#kind = :ticket AND #expiresAt > :now",
                    ExpressionAttributeNames = new() { ["#kind"] = SessionItem.Kind, ["#expiresAt"] = SessionItem.ExpiresAt },
                    ExpressionAttributeValues = new()
                    {
                        [":ticket"] = new() { S = TicketKind },
                        [":now"] = new() { N = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
                    },
                    ReturnValues = ReturnValue.ALL_OLD,
                },
                cancellationToken);
            var old = response.Attributes;
            return old is { Count: > 0 }
                ? new RealtimeTicket(ticketHash, old[SessionItem.UserId].S, DateTimeOffset.FromUnixTimeSeconds(long.Parse(old[SessionItem.ExpiresAt].N, CultureInfo.InvariantCulture)))
                : null;
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    public async Task DeleteAllForUserAsync(string userId, CancellationToken cancellationToken)
    {
        var request = new QueryRequest
        {
            TableName = tableName,
            IndexName = SessionItem.ByUserIndex,
            KeyConditionExpression = "#userId = :userId",
            FilterExpression = "#kind = :ticket",
            ExpressionAttributeNames = new() { ["#userId"] = SessionItem.UserId, ["#kind"] = SessionItem.Kind },
            ExpressionAttributeValues = new() { [":userId"] = new() { S = userId }, [":ticket"] = new() { S = TicketKind } },
        };
        do
        {
            var response = await dynamoDb.QueryAsync(request, cancellationToken);
            foreach (var item in response.Items ?? [])
            {
                await dynamoDb.DeleteItemAsync(
                    new DeleteItemRequest { TableName = tableName, Key = new() { [SessionItem.Id] = item[SessionItem.Id] } },
                    cancellationToken);
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);
    }

    private static string ItemId(string ticketHash) => $"{TicketKind}#{ticketHash}";
}
