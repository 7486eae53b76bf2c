using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using RealtimeCalendar.Aws.Sessions;
using RealtimeCalendar.Core.GoogleSync;

namespace RealtimeCalendar.Aws.GoogleSync;

/// <summary>
/// Pending OAuth round trips in the Sessions table (<c>google-auth#&lt;sha256 of state&gt;</c>, TTL). Taking one is a
/// single conditional delete, so a replayed callback can never use the same state twice.
/// </summary>
public sealed class DynamoDbGoogleAuthorizationRequestStore(IAmazonDynamoDB dynamoDb, string tableName) : IGoogleAuthorizationRequestStore
{
    private const string Kind = "google-auth";
    private const string CodeVerifier = "codeVerifier";

    public Task PutAsync(GoogleAuthorizationRequest request, CancellationToken cancellationToken) =>
        dynamoDb.PutItemAsync(
            new PutItemRequest
            {
                TableName = tableName,
                Item = new()
                {
                    [SessionItem.Id] = new() { S = ItemId(request.StateHash) },
                    [SessionItem.Kind] = new() { S = Kind },
                    [SessionItem.UserId] = new() { S = request.UserId },
                    [CodeVerifier] = new() { S = request.CodeVerifier },
                    [SessionItem.ExpiresAt] = new() { N = request.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
                },
            },
            cancellationToken);

    public async Task<GoogleAuthorizationRequest?> TakeAsync(string stateHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var response = await dynamoDb.DeleteItemAsync(
                new DeleteItemRequest
                {
                    TableName = tableName,
                    Key = new() { [SessionItem.Id] = new() { S = ItemId(stateHash) } },
                    ConditionExpression = "#kind = :kind AND #expiresAt > :now",
                    ExpressionAttributeNames = new() { ["#kind"] = SessionItem.Kind, ["#expiresAt"] = SessionItem.ExpiresAt },
                    ExpressionAttributeValues = new()
                    {
                        [":kind"] = new() { S = Kind },
                        [":now"] = new() { N = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
                    },
                    ReturnValues = ReturnValue.ALL_OLD,
                },
                cancellationToken);
            var old = response.Attributes;
            return old is { Count: > 0 }
                ? new GoogleAuthorizationRequest(
                    stateHash,
                    old[SessionItem.UserId].S,
                    old[CodeVerifier].S,
                    DateTimeOffset.FromUnixTimeSeconds(long.Parse(old[SessionItem.ExpiresAt].N, CultureInfo.InvariantCulture)))
                : null;
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    private static string ItemId(string stateHash) => $"{Kind}#{stateHash}";
}
