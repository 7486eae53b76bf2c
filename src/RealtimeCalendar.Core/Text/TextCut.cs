using System.Globalization;

namespace RealtimeCalendar.Core.Text;

/// <summary>
/// The one place text is shortened. Cuts fall between text elements (extended grapheme clusters, UAX #29, as
/// <see cref="StringInfo"/> reads them), so a cut never leaves a lone surrogate, half an emoji sequence or a base letter
/// without its combining marks. Lengths are UTF-16 code units, the unit every limit of this product counts in.
/// </summary>
public static class TextCut
{
    /// <summary>
    /// <paramref name="text"/> when it fits in <paramref name="maxLength"/> code units, else its longest prefix of whole
    /// text elements that fits (possibly empty, when the first element alone is longer).
    /// </summary>
    public static string ToLength(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (text.Length <= maxLength)
            return text;

        var end = 0;
        while (end < text.Length)
        {
            var next = StringInfo.GetNextTextElementLength(text, end);
            if (end + next > maxLength)
                break;
            end += next;
        }

        return text[..end];
    }

    /// <summary>Like <see cref="ToLength"/>, ending in "…" when anything was cut; the result still fits in <paramref name="maxLength"/>.</summary>
    public static string ToLengthWithEllipsis(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        return text.Length <= maxLength ? text : ToLength(text, maxLength - 1) + "…";
    }
}
