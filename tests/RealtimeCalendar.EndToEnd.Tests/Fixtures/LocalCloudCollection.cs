namespace RealtimeCalendar.EndToEnd.Tests.Fixtures;

[CollectionDefinition(Name)]
public sealed class LocalCloudCollection : ICollectionFixture<LocalCloudFixture>
{
    public const string Name = "Local cloud";
}
