namespace RealtimeCalendar.Browser.Tests.Fixtures;

[CollectionDefinition(Name)]
public sealed class BrowserCloudCollection : ICollectionFixture<BrowserCloudFixture>
{
    public const string Name = "Local cloud in a browser";
}
