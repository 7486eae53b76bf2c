using System.Globalization;
using System.Text;
using RealtimeCalendar.Core.Events;

namespace RealtimeCalendar.Core.Calendar;

/// <summary>
/// Where a range listing goes on: still in the store's single events and overrides (<see cref="StoreToken"/>), or
/// expanding series (the <see cref="SeriesIndex"/>-th series in id order, <see cref="Skip"/> of its occurrences already
/// listed, <see cref="Expanded"/> occurrences listed so far). Written as an opaque page token bound to its range, so a
/// token of another range, or an edited one, is refused rather than misread.
/// </summary>
internal sealed record ListingPosition(string? StoreToken, bool InSeries, int SeriesIndex, int Skip, int Expanded)
{
    private const string SinglesTag = "e";
    private const string SeriesTag = "r";

    public static ListingPosition First { get; } = new(null, InSeries: false, 0, 0, 0);

    public static ListingPosition SeriesStart { get; } = new(null, InSeries: true, 0, 0, 0);

    public string Write(TimeRange range)
    {
        var text = InSeries
            ? string.Create(CultureInfo.InvariantCulture, $"{SeriesTag}|{range.From.UtcTicks}|{range.To.UtcTicks}|{SeriesIndex}|{Skip}|{Expanded}")
            : $"{SinglesTag}|{StoreToken}";
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <exception cref="InvalidPageTokenException">Not a token this listing wrote for <paramref name="range"/>.</exception>
    public static ListingPosition Read(string token, TimeRange range)
    {
        string text;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
        }
        catch (FormatException)
        {
            throw new InvalidPageTokenException("The page token is not base64url.");
        }

        var parts = text.Split('|');
        if (parts is [SinglesTag, { Length: > 0 } storeToken])
            return new ListingPosition(storeToken, InSeries: false, 0, 0, 0);
        if (parts is [SeriesTag, var from, var to, var index, var skip, var expanded]
            && Number(from) == range.From.UtcTicks && Number(to) == range.To.UtcTicks
            && Number(index) is >= 0 and <= int.MaxValue and var i
            && Number(skip) is >= 0 and <= int.MaxValue and var s
            && Number(expanded) is >= 0 and <= int.MaxValue and var e)
            return new ListingPosition(null, InSeries: true, (int)i, (int)s, (int)e);
        throw new InvalidPageTokenException("The page token was not written for this range.");
    }

    private static long Number(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
}
