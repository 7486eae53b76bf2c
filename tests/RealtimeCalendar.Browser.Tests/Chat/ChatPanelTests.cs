using System.Globalization;
using RealtimeCalendar.Browser.Tests.Fixtures;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;
using static RealtimeCalendar.StandIns.OpenAI.ModelSteps;

namespace RealtimeCalendar.Browser.Tests.Chat;

[Collection(BrowserCloudCollection.Name)]
public sealed class ChatPanelTests(BrowserCloudFixture fixture, ITestOutputHelper output)
{
    [SkippableFact]
    public async Task A_request_typed_in_the_chat_is_answered_with_its_change_and_appears_live_in_the_other_tab()
    {
        fixture.RequireBrowser();
        fixture.Model.Reset();
        var user = await fixture.CreateUserAsync();
        await using var context = await fixture.NewContextAsync("chat");
        var tab1 = await CalendarTab.OpenAsync(context, output, "tab1");
        await tab1.SignInAsync(user);
        var tab2 = await CalendarTab.OpenAsync(context, output, "tab2");
        await tab2.ExpectLiveAsync();
        var today = UtcDays.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        fixture.Model.Script(
            Call("create_event", $$"""{"title":"Lunch with Sam","start":"{{today}}T12:00","end":"{{today}}T13:00"}"""),
            Say("Booked lunch with Sam today at 12:00."));

        var input = tab1.Page.GetByTestId("chat-input");
        await input.FillAsync("Lunch with Sam today at noon");
        await tab1.Page.GetByTestId("chat-send").ClickAsync();

        await Expect(tab1.Page.GetByTestId("chat-message").Last).ToContainTextAsync("Booked lunch with Sam today at 12:00.");
        await Expect(tab1.Page.GetByTestId("chat-change")).ToContainTextAsync("Lunch with Sam");
        await Expect(input).ToHaveValueAsync(string.Empty);
        await Expect(tab2.Events.Filter(new() { HasText = "Lunch with Sam" })).ToHaveCountAsync(1);
        await Expect(tab1.Events.Filter(new() { HasText = "Lunch with Sam" })).ToHaveCountAsync(1);
        var id = (string)LastToolResult(fixture.Model.Received[1].Json)["event"]!["id"]!;
        await Expect(tab2.Event(id)).ToContainTextAsync("Lunch with Sam");
        await Expect(tab1.Page.GetByTestId("chat-change")).ToHaveAttributeAsync("data-changed-event-id", id);
        Assert.Equal(1L, (await user.Api.FindAsync(id))!.Version);

        // The panel sent the browser's own zone, which the model was told.
        Assert.Contains("UTC", (string)fixture.Model.Received[0].Messages[0]!["content"]!, StringComparison.Ordinal);
        Assert.Equal(0, fixture.Model.Pending);
    }
}
