using System.Globalization;
using System.Text;
using RealtimeCalendar.Core.Text;

namespace RealtimeCalendar.Core.Tests.Text;

public sealed class TextCutTests
{
    private const string Party = "\U0001F389";
    private const string Family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
    private const string Flag = "\U0001F1E9\U0001F1EA";
    private const string Accented = "e\u0301";

    [Fact]
    public void Text_that_fits_is_returned_unchanged() => Assert.Equal("abc", TextCut.ToLength("abc", 3));

    [Fact]
    public void A_cut_inside_a_surrogate_pair_drops_the_whole_pair() => Assert.Equal("ab", TextCut.ToLength("ab" + Party, 3));

    [Theory]
    [InlineData(Family)]
    [InlineData(Flag)]
    [InlineData(Accented)]
    public void A_cut_inside_a_character_of_several_code_points_drops_all_of_it(string character)
    {
        for (var max = 2; max < 2 + character.Length; max++)
            Assert.Equal("ab", TextCut.ToLength("ab" + character + "c", max));
    }

    [Fact]
    public void The_ellipsis_form_still_fits_and_ends_in_an_ellipsis() =>
        Assert.Equal("ab…", TextCut.ToLengthWithEllipsis("ab" + Party + "cd", 4));

    [Fact]
    public void Every_cut_of_mixed_text_is_valid_unicode_and_a_prefix_of_whole_characters()
    {
        var text = string.Concat(Enumerable.Repeat("a" + Party + Family + Accented + Flag + "日本", 5));
        var boundaries = new HashSet<int> { 0 };
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
            boundaries.Add(enumerator.ElementIndex + ((string)enumerator.Current).Length);

        for (var max = 0; max <= text.Length; max++)
        {
            var cut = TextCut.ToLength(text, max);
            Assert.True(cut.Length <= max);
            Assert.Contains(cut.Length, boundaries);
            Assert.True(IsValidUnicode(cut), $"cut at {max} is not valid Unicode");
        }
    }

    private static bool IsValidUnicode(string text)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }
}
