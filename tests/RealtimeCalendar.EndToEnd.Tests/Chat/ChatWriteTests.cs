using RealtimeCalendar.StandIns.OpenAI;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using static RealtimeCalendar.EndToEnd.Tests.Chat.ChatConversation;
using static RealtimeCalendar.StandIns.OpenAI.ModelSteps;

namespace RealtimeCalendar.EndToEnd.Tests.Chat;

/// <summary>What the model asks for is done through the calendar's own rules and reaches every tab through the stream.</summary>
[Collection(ChatCloudCollection.Name)]
public sealed class ChatWriteTests(ChatCloudFixture fixture) : ScriptedModelTests(fixture)
{
    [Fact]
    public async Task Plain_language_create_stores_the_event_in_the_users_zone_and_pushes_it_to_open_tabs()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        await using var tab = await RealtimeSession.OpenAsync(Fixture.Cloud, user);
        var day = Day(7);
        Model.Script(
            Call("create_event", $$"""{"title":"Lunch with Sam","start":"{{WallClock(day, 12)}}","end":"{{WallClock(day, 13)}}"}"""),
            Say(request => "Booked: " + (string)LastToolResult(request)["event"]!["title"]!));

        var (response, body) = await AskAsync(http, "Lunch with Sam next week at noon");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Booked: Lunch with Sam", (string)body["reply"]!);
        var change = body["changes"]!.AsArray().Single()!;
        Assert.Equal(("created", "Lunch with Sam", Iso(BerlinInstant(day, 12)), 1L), ((string)change["op"]!, (string)change["title"]!, (string)change["start"]!, (long)change["version"]!));

        var stored = (await http.GetFromJsonAsync<JsonObject>($"/api/events/{(string)change["eventId"]!}"))!;
        Assert.Equal((Iso(BerlinInstant(day, 12)), Iso(BerlinInstant(day, 13)), Zone), ((string)stored["start"]!, (string)stored["end"]!, (string)stored["timeZone"]!));

        var pushed = await tab.NextChangeAsync((string)change["eventId"]!);
        Assert.Equal(("upsert", 1L, "Lunch with Sam"), ((string)pushed["op"]!, (long)pushed["version"]!, (string)pushed["event"]!["title"]!));

        // The model was told the user's zone and today's date, offered the four tools, and shown the tool's result.
        var first = Model.Received[0].Json;
        var instructions = (string)first["messages"]![0]!["content"]!;
        Assert.Contains(Zone, instructions, StringComparison.Ordinal);
        Assert.Contains(NodaTime.SystemClock.Instance.GetCurrentInstant().InZone(BerlinZone).Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), instructions, StringComparison.Ordinal);
        Assert.Equal(["list_events", "create_event", "update_event", "delete_event"], first["tools"]!.AsArray().Select(t => (string)t!["function"]!["name"]!));
        Assert.Equal("created", (string)LastToolResult(Model.Received[1].Json)["status"]!);
    }

    [Fact]
    public async Task Move_finds_the_event_with_list_and_keeps_its_length()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var thursday = Day(9);
        var friday = Day(10);
        var id = await CreateEventAsync(http, "Dentist", BerlinInstant(thursday, 9, 30), BerlinInstant(thursday, 10, 15));
        await using var tab = await RealtimeSession.OpenAsync(Fixture.Cloud, user);
        Model.Script(
            Call("list_events", $$"""{"from":"{{thursday:yyyy-MM-dd}}","to":"{{thursday:yyyy-MM-dd}}"}"""),
            Call("update_event", request => $$"""{"eventId":"{{ListedId(request, "Dentist")}}","start":"{{WallClock(friday, 9, 30)}}"}"""),
            Say("Moved your dentist appointment to Friday 09:30."));

        var (response, body) = await AskAsync(http, "move my dentist appointment to Friday");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("updated", (string)body["changes"]![0]!["op"]!);
        var stored = (await http.GetFromJsonAsync<JsonObject>($"/api/events/{id}"))!;
        Assert.Equal((Iso(BerlinInstant(friday, 9, 30)), Iso(BerlinInstant(friday, 10, 15)), 2L), ((string)stored["start"]!, (string)stored["end"]!, (long)stored["version"]!));
        var pushed = await tab.NextChangeAsync(id);
        Assert.Equal(("upsert", 2L), ((string)pushed["op"]!, (long)pushed["version"]!));
    }

    [Fact]
    public async Task Delete_removes_the_event_and_pushes_the_deletion()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var day = Day(8);
        var id = await CreateEventAsync(http, "Gym", BerlinInstant(day, 18), BerlinInstant(day, 19));
        await using var tab = await RealtimeSession.OpenAsync(Fixture.Cloud, user);
        Model.Script(
            Call("list_events", $$"""{"from":"{{WallClock(day, 0)}}","to":"{{WallClock(day.AddDays(1), 0)}}"}"""),
            Call("delete_event", request => $$"""{"eventId":"{{ListedId(request, "Gym")}}"}"""),
            Say("Deleted Gym."));

        var (response, body) = await AskAsync(http, "cancel the gym that day");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("deleted", id), ((string)body["changes"]![0]!["op"]!, (string)body["changes"]![0]!["eventId"]!));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/events/{id}")).StatusCode);
        var pushed = await tab.NextChangeAsync(id);
        Assert.Equal("delete", (string)pushed["op"]!);
    }

    [Fact]
    public async Task All_day_event_from_dates_covers_the_whole_days()
    {
        var user = await Fixture.CreateUserAsync();
        using var http = user.CreateClient();
        var first = Day(12);
        Model.Script(
            Call("create_event", $$"""{"title":"Trip","start":"{{first:yyyy-MM-dd}}","end":"{{first.AddDays(2):yyyy-MM-dd}}","allDay":true}"""),
            Say("Added your trip."));

        var (response, body) = await AskAsync(http, "I'm away for three days from the 12th");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await http.GetFromJsonAsync<JsonObject>($"/api/events/{(string)body["changes"]![0]!["eventId"]!}"))!;
        var midnight = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        Assert.Equal((true, Iso(midnight), Iso(midnight.AddDays(3))), ((bool)stored["allDay"]!, (string)stored["start"]!, (string)stored["end"]!));
    }
}
