namespace RealtimeCalendar.WebPush.Tests.Fixtures;

[CollectionDefinition(Name)]
public sealed class WebPushCollection : ICollectionFixture<DynamoDbLocalFixture>
{
    public const string Name = "Web Push against DynamoDB Local";
}
