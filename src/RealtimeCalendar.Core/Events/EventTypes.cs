namespace RealtimeCalendar.Core.Events;

/// <summary>
/// What kind of calendar entry an event is, in Google Calendar v3's <c>eventType</c> vocabulary
/// (https://developers.google.com/calendar/api/v3/reference/events#eventType). Events made here are always
/// <see cref="Default"/>; the others arrive from Google and are shown read-only: Google restricts or refuses edits of
/// them through the API, so an edit made here could never reach Google and the two calendars would disagree.
/// </summary>
public static class EventTypes
{
    public const string Default = "default";
    public const string OutOfOffice = "outOfOffice";
    public const string FocusTime = "focusTime";
    public const string Birthday = "birthday";
    public const string FromGmail = "fromGmail";

    /// <summary>A status entry ("working from home"): not an event in anyone's schedule, so it is never imported.</summary>
    public const string WorkingLocation = "workingLocation";

    /// <summary>True for every type but <see cref="Default"/>: such an event can be read, not edited or deleted.</summary>
    public static bool IsReadOnly(string eventType) => eventType != Default;

    /// <summary>True for the types this product stores; unknown future Google types are left out, like working locations.</summary>
    public static bool IsStored(string eventType) => eventType is Default or OutOfOffice or FocusTime or Birthday or FromGmail;
}
