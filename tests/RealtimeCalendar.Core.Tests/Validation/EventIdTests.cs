using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Tests.Validation;

public sealed class EventIdTests
{
    [Fact]
    public void New_ids_are_well_formed_and_unique()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => EventIds.New()).ToList();
        Assert.All(ids, id => Assert.True(EventIds.IsWellFormed(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    [InlineData("0192d2f0a1b27c3d8e9f0a1b2c3d4e5")] // 31 characters
    [InlineData("0192D2F0A1B27C3D8E9F0A1B2C3D4E5F")] // upper case
    [InlineData("' OR 1=1 --0192d2f0a1b27c3d8e9f0")]
    public void Anything_else_is_not_an_event_id(string id) => Assert.False(EventIds.IsWellFormed(id));
}
