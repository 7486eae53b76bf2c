using RealtimeCalendar.Core.Reminders;
using RealtimeCalendar.Core.TimeZones;

namespace RealtimeCalendar.Core.Events;

/// <summary>Checks an <see cref="EventDraft"/> against the product's rules and returns every problem at once.</summary>
public static class EventValidator
{
    public static IReadOnlyList<ValidationError> Validate(EventDraft draft)
    {
        var errors = new List<ValidationError>();

        if (string.IsNullOrWhiteSpace(draft.Title))
            errors.Add(new("title", "Title is required."));
        else
            CheckText(errors, "title", draft.Title, EventLimits.TitleMaxLength, allowLineBreaks: false);

        if (draft.Location is not null)
            CheckText(errors, "location", draft.Location, EventLimits.LocationMaxLength, allowLineBreaks: false);
        if (draft.Description is not null)
            CheckText(errors, "description", draft.Description, EventLimits.DescriptionMaxLength, allowLineBreaks: true);

        CheckTimeZone(errors, draft.TimeZone);
        CheckTimes(errors, draft);
        if (draft.Reminders is { } reminders)
            ReminderValidator.Check(reminders, "reminders", errors);
        return errors;
    }

    private static void CheckTimeZone(List<ValidationError> errors, string? timeZone)
    {
        if (string.IsNullOrEmpty(timeZone))
            errors.Add(new("timeZone", "Time zone is required, as an IANA id such as 'Europe/Berlin'."));
        else if (!IanaTimeZones.IsKnown(timeZone))
            errors.Add(new("timeZone", "Time zone is not a known IANA id such as 'Europe/Berlin'."));
    }

    private static void CheckTimes(List<ValidationError> errors, EventDraft draft)
    {
        if (draft.Start is not { } start)
            errors.Add(new("start", "Start is required, as an ISO-8601 instant."));
        else if (start < EventLimits.Earliest || start >= EventLimits.Latest)
            errors.Add(new("start", "Start must be between the years 1900 and 2199."));

        if (draft.End is not { } end)
            errors.Add(new("end", "End is required, as an ISO-8601 instant."));
        else if (end <= EventLimits.Earliest || end > EventLimits.Latest)
            errors.Add(new("end", "End must be between the years 1900 and 2199."));

        if (draft.Start is not { } s || draft.End is not { } e)
            return;

        // A timed event may end when it starts (Google holds such events: a deadline, endTimeUnspecified); an all-day
        // event covers at least its one day.
        if (e < s)
            errors.Add(new("end", "End must not be before start."));
        else if (draft.AllDay && e == s)
            errors.Add(new("end", "An all-day event lasts at least one day."));
        else if (e - s > EventLimits.MaxDuration)
            errors.Add(new("end", "An event may last at most 366 days."));

        if (draft.AllDay)
        {
            if (s.UtcTicks % TimeSpan.TicksPerDay != 0)
                errors.Add(new("start", "An all-day event starts at midnight UTC of its first day."));
            if (e.UtcTicks % TimeSpan.TicksPerDay != 0)
                errors.Add(new("end", "An all-day event ends at midnight UTC after its last day (exclusive)."));
        }
    }

    private static void CheckText(List<ValidationError> errors, string field, string value, int maxLength, bool allowLineBreaks)
    {
        if (value.Length > maxLength)
        {
            errors.Add(new(field, $"At most {maxLength} characters are allowed."));
            return;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var isLineBreak = c is '\n' or '\r' or '\t';
            if (char.IsControl(c) && !(allowLineBreaks && isLineBreak))
            {
                errors.Add(new(field, "Control characters are not allowed."));
                return;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                errors.Add(new(field, "Text must be valid Unicode."));
                return;
            }
        }
    }
}
