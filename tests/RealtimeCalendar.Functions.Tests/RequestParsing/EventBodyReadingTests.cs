using System.Text;
using RealtimeCalendar.Functions.CalendarApi;
using RealtimeCalendar.Functions.Http;

namespace RealtimeCalendar.Functions.Tests.RequestParsing;

public sealed class EventBodyReadingTests
{
    private const string Valid = """{"title":"Lunch","start":"2026-11-25T12:00:00Z","end":"2026-11-25T13:00:00+01:00","allDay":false,"timeZone":"Europe/Berlin"}""";

    [Fact]
    public void A_well_formed_body_becomes_a_draft_in_utc()
    {
        var result = EventDraftReader.Read(Valid, isBase64Encoded: false);
        Assert.Null(result.Problem);
        Assert.Equal("Lunch", result.Draft!.Title);
        Assert.Equal(TimeSpan.Zero, result.Draft.End!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero), result.Draft.End);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{\"title\":\"a\",}")]
    public void Malformed_json_is_an_invalid_json_problem(string body)
    {
        var problem = EventDraftReader.Read(body, false).Problem;
        Assert.Equal(400, problem?.Status);
        Assert.Equal(ProblemTypes.InvalidJson, problem?.Type);
    }

    [Fact]
    public void Deeply_nested_json_is_refused_without_recursion_trouble()
    {
        var body = "{\"title\":" + new string('[', 10_000) + new string(']', 10_000) + "}";
        Assert.Equal(ProblemTypes.InvalidJson, EventDraftReader.Read(body, false).Problem?.Type);
    }

    [Fact]
    public void Invalid_utf8_sent_base64_encoded_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes(Valid);
        bytes[11] = 0xFF;
        Assert.Equal(ProblemTypes.InvalidJson, EventDraftReader.Read(Convert.ToBase64String(bytes), true).Problem?.Type);
    }

    [Theory]
    [InlineData("""{"title":42}""", "title")]
    [InlineData("""{"start":1764072000}""", "start")]
    [InlineData("""{"allDay":"yes"}""", "allDay")]
    [InlineData("""{"timeZone":["UTC"]}""", "timeZone")]
    [InlineData("""{"start":"2026-11-25T12:00:00"}""", "start")]
    [InlineData("""{"end":"next tuesday"}""", "end")]
    [InlineData("""{"colour":"red"}""", "colour")]
    public void Wrong_types_unknown_fields_and_local_times_name_the_field(string body, string field)
    {
        var problem = EventDraftReader.Read(body, false).Problem;
        Assert.Equal(ProblemTypes.Validation, problem?.Type);
        Assert.Contains(problem!.Errors!, e => e.Field == field);
    }

    [Fact]
    public void Body_above_the_limit_is_too_large()
    {
        var body = "{\"description\":\"" + new string('x', EventDraftReader.MaxBodyBytes) + "\"}";
        Assert.Equal(413, EventDraftReader.Read(body, false).Problem?.Status);
    }

    [Theory]
    [InlineData("\"3\"", 3L)]
    [InlineData("W/\"7\"", 7L)]
    [InlineData("12", 12L)]
    [InlineData("\"abc\"", null)]
    [InlineData("\"-1\"", null)]
    [InlineData("*", null)]
    [InlineData(null, null)]
    public void If_match_is_read_as_a_version(string? header, long? expected) =>
        Assert.Equal(expected, EntityTags.ParseIfMatch(header));
}
