namespace RealtimeCalendar.EndToEnd.Tests.Limits;

[CollectionDefinition(Name)]
public sealed class LimitsCloudCollection : ICollectionFixture<LimitsCloudFixture>
{
    public const string Name = "Limits cloud";
}
