namespace RealtimeCalendar.EndToEnd.Tests.Chat;

/// <summary>Chat tests share one scripted model server, so they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ChatCloudCollection : ICollectionFixture<ChatCloudFixture>
{
    public const string Name = "Chat cloud";
}
