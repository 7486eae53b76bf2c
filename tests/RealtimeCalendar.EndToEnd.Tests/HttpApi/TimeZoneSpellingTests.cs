using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using static RealtimeCalendar.EndToEnd.Tests.HttpApi.EventJson;

namespace RealtimeCalendar.EndToEnd.Tests.HttpApi;

/// <summary>
/// Every zone id a browser reports is accepted, in any case, and stored in TZDB's spelling, whatever zone files the
/// host has (the functions read NodaTime's embedded TZDB).
/// </summary>
[Collection(LocalCloudCollection.Name)]
public sealed class TimeZoneSpellingTests(LocalCloudFixture fixture)
{
    [Theory]
    [InlineData("Europe/Berlin", "Europe/Berlin")]
    [InlineData("europe/berlin", "Europe/Berlin")]
    [InlineData("EUROPE/BERLIN", "Europe/Berlin")]
    [InlineData("Asia/Calcutta", "Asia/Calcutta")]
    [InlineData("US/Pacific", "US/Pacific")]
    [InlineData("Europe/Kiev", "Europe/Kiev")]
    public async Task A_zone_id_is_stored_and_read_back_in_its_canonical_spelling(string sent, string stored)
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var body = Valid();
        body["timeZone"] = sent;

        using var created = await http.PostAsync("/api/events", Content(body));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(stored, (string?)(await created.Content.ReadFromJsonAsync<JsonObject>())!["timeZone"]);
        var read = await http.GetFromJsonAsync<JsonObject>(created.Headers.Location);
        Assert.Equal(stored, (string?)read!["timeZone"]);
    }

    [Fact]
    public async Task A_replace_with_another_spelling_stores_the_canonical_one()
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        using var created = await http.PostAsync("/api/events", Content(Valid()));
        var body = Valid();
        body["timeZone"] = "us/pacific";
        using var put = new HttpRequestMessage(HttpMethod.Put, created.Headers.Location) { Content = Content(body) };
        put.Headers.IfMatch.Add(new("\"1\""));

        using var replaced = await http.SendAsync(put);

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("US/Pacific", (string?)(await replaced.Content.ReadFromJsonAsync<JsonObject>())!["timeZone"]);
    }

    [Theory]
    [InlineData("W. Europe Standard Time")]
    [InlineData("posix/Europe/Berlin")]
    [InlineData("Europe//Berlin")]
    public async Task A_zone_tzdb_does_not_name_is_refused_with_400(string sent)
    {
        var user = await fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var body = Valid();
        body["timeZone"] = sent;

        using var response = await http.PostAsync("/api/events", Content(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
