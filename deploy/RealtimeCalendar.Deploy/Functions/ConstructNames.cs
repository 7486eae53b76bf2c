namespace RealtimeCalendar.Deploy.Functions;

/// <summary>Turns kebab-case product names (<c>calendar-api</c>) into construct ids (<c>CalendarApi</c>).</summary>
public static class ConstructNames
{
    public static string Pascal(string kebabName) =>
        string.Concat(kebabName
            .Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
