using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Core.Reminders;

namespace RealtimeCalendar.Core.Tests.Reminders;

public sealed class ReminderValidationTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_bad_entry_is_named_by_its_path()
    {
        var reminders = new EventReminders(false, [ReminderOverride.Popup(10), new("email", 40_321), new(null, -1), ReminderOverride.Popup(10)]);

        var errors = EventValidator.Validate(Draft(reminders));

        Assert.Equal(
            ["reminders.overrides[1].method", "reminders.overrides[1].minutes", "reminders.overrides[2].minutes", "reminders.overrides[3].minutes"],
            errors.Select(e => e.Field));
        Assert.Contains("reminders.overrides[0]", errors[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_five_reminders_are_refused_and_five_are_accepted()
    {
        Assert.Equal(["reminders.overrides"], EventValidator.Validate(Draft(EventReminders.Own([0, 5, 10, 15, 20, 25]))).Select(e => e.Field));
        Assert.Empty(EventValidator.Validate(Draft(EventReminders.Own([0, 5, 10, 15, ReminderLimits.MaxMinutes]))));
    }

    [Fact]
    public void Use_default_with_overrides_is_refused_and_either_alone_is_fine()
    {
        Assert.Equal(["reminders.overrides"], EventValidator.Validate(Draft(new EventReminders(true, [ReminderOverride.Popup(10)]))).Select(e => e.Field));
        Assert.Empty(EventValidator.Validate(Draft(EventReminders.Default)));
        Assert.Empty(EventValidator.Validate(Draft(new EventReminders(false, []))));
        Assert.Empty(EventValidator.Validate(Draft(null)));
    }

    [Fact]
    public void Default_reminders_are_checked_with_their_own_field_name()
    {
        var errors = new List<ValidationError>();
        ReminderValidator.CheckDefaults([ReminderOverride.Popup(30), new("sms", 10)], "defaultReminders", errors);

        Assert.Equal(["defaultReminders[1].method"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Stored_reminders_keep_own_minutes_and_forget_use_default()
    {
        Assert.Null(EventReminders.Stored(null));
        Assert.Null(EventReminders.Stored(EventReminders.Default));
        Assert.Equal([30, 0], EventReminders.Stored(new EventReminders(false, [new(null, 30), ReminderOverride.Popup(0)]))!.Minutes);
        Assert.True(EventReminders.Same(null, EventReminders.Default));
        Assert.True(EventReminders.Same(EventReminders.Own([5]), EventReminders.Own([5])));
        Assert.False(EventReminders.Same(EventReminders.Own([]), null));
    }

    private static EventDraft Draft(EventReminders? reminders) =>
        new("Dentist", Start, Start.AddHours(1), false, "Europe/Berlin", null, null, null, reminders);
}
