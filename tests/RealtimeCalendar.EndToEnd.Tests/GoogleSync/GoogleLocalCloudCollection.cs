namespace RealtimeCalendar.EndToEnd.Tests.GoogleSync;

[CollectionDefinition(Name)]
public sealed class GoogleLocalCloudCollection : ICollectionFixture<GoogleLocalCloudFixture>
{
    public const string Name = "Local cloud with Google sync";
}
