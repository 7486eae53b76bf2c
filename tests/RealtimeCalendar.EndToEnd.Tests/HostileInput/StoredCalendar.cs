
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;

namespace RealtimeCalendar.EndToEnd.Tests.HostileInput;

/// <summary>What is stored for a user, read straight from the calendar service so the HTTP layer under attack is not the witness.</summary>
internal static class StoredCalendar
{
    private static readonly TimeRange Everything = new(new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2199, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Every event of the user with every field, in a stable order, as text that compares exactly.</summary>
    public static async Task<string> SnapshotAsync(LocalCloudFixture fixture, string userId)
    {
        var events = await fixture.Cloud.Services.Calendar.ListAllAsync(userId, Everything);
        return string.Join('\n', events.OrderBy(e => e.EventId, StringComparer.Ordinal).Select(e => e.ToString()));
    }
}
