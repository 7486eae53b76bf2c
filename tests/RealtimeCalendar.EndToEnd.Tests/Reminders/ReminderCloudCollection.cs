namespace RealtimeCalendar.EndToEnd.Tests.Reminders;

/// <summary>One local cloud with a fake reminder clock for every test that moves it; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ReminderCloudCollection : ICollectionFixture<ReminderCloudFixture>
{
    public const string Name = "Local cloud on a fake reminder clock";
}
