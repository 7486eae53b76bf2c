namespace RealtimeCalendar.EndToEnd.Tests.GoogleSync;

[CollectionDefinition(Name)]
public sealed class GoogleProcessModeCollection : ICollectionFixture<GoogleProcessModeFixture>
{
    public const string Name = "Local cloud with Google sync, functions as processes";
}
