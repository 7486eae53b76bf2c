using System.Text.Json;
using System.Text.Json.Nodes;
using RealtimeCalendar.Browser.Tests.Fixtures;

namespace RealtimeCalendar.Browser.Tests.WebPush;

/// <summary>
/// The built service worker in real Chromium: served by the app's own origin under its Content-Security-Policy, and a
/// push (delivered through the DevTools protocol, since no push service is reachable from here; the push-service
/// stand-in covers the network half) shows the reminder as a system notification tagged with its id, so a repeat
/// of the same reminder leaves one notification.
/// </summary>
[Collection(BrowserCloudCollection.Name)]
public sealed class PushWorkerTests(BrowserCloudFixture fixture)
{
    [SkippableFact]
    public async Task A_delivered_push_shows_the_reminder_once_per_reminder_id_with_no_csp_violation()
    {
        fixture.RequireBrowser();
        await using var context = await fixture.NewContextAsync("push-worker");
        await context.GrantPermissionsAsync(["notifications"]);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var origin = fixture.Cloud.BaseUrl.GetLeftPart(UriPartial.Authority);

        var devTools = await context.NewCDPSessionAsync(page);
        var registration = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        devTools.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, update) =>
        {
            foreach (var entry in update?.GetProperty("registrations").EnumerateArray() ?? default)
            {
                if (entry.GetProperty("scopeURL").GetString() == origin + "/" && !entry.GetProperty("isDeleted").GetBoolean())
                    registration.TrySetResult(entry.GetProperty("registrationId").GetString()!);
            }
        };
        await devTools.SendAsync("ServiceWorker.enable");
        await page.EvaluateAsync("async () => { await navigator.serviceWorker.register('/push-worker.js', { scope: '/' }); await navigator.serviceWorker.ready; }");
        var registrationId = await registration.Task.WaitAsync(TimeSpan.FromSeconds(15));

        var first = Notice("rem-" + Guid.NewGuid().ToString("N"), "Dentist");
        var second = Notice("rem-" + Guid.NewGuid().ToString("N"), "Stand-up");
        foreach (var notice in new[] { first, first, second })
            await devTools.SendAsync("ServiceWorker.deliverPushMessage", new Dictionary<string, object> { ["origin"] = origin, ["registrationId"] = registrationId, ["data"] = notice.ToJsonString() });

        var shown = await ShownAsync(page, expected: 2);
        Assert.Equal(
            new[] { ((string)first["reminderId"]!, "Dentist"), ((string)second["reminderId"]!, "Stand-up") }.Order(),
            shown.Select(n => (n.Tag, n.Title)).Order());
        Assert.All(shown, n => Assert.StartsWith("Starts ", n.Body, StringComparison.Ordinal));
        Assert.Empty(fixture.TakeCspViolations("push-worker"));
    }

    private static JsonObject Notice(string reminderId, string title)
    {
        var start = DateTime.UtcNow.AddMinutes(10).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["reminderId"] = reminderId,
            ["eventId"] = "evt-1",
            ["occurrenceStart"] = start,
            ["title"] = title,
            ["start"] = start,
            ["minutesBefore"] = 10,
        };
    }

    /// <summary>The worker's notifications once <paramref name="expected"/> are shown (three pushes must settle to that many).</summary>
    private static async Task<IReadOnlyList<(string Tag, string Title, string Body)>> ShownAsync(Microsoft.Playwright.IPage page, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        List<(string, string, string)> shown = [];
        while (DateTime.UtcNow < deadline)
        {
            var json = await page.EvaluateAsync<string>(
                "async () => JSON.stringify((await (await navigator.serviceWorker.ready).getNotifications()).map(n => ({ tag: n.tag, title: n.title, body: n.body })))");
            shown = [.. JsonDocument.Parse(json).RootElement.EnumerateArray()
                .Select(n => (n.GetProperty("tag").GetString()!, n.GetProperty("title").GetString()!, n.GetProperty("body").GetString()!))];
            if (shown.Count >= expected)
            {
                // Let a late third push land, so a duplicate would show up as a third notification.
                await Task.Delay(500);
                json = await page.EvaluateAsync<string>(
                    "async () => JSON.stringify((await (await navigator.serviceWorker.ready).getNotifications()).map(n => ({ tag: n.tag, title: n.title, body: n.body })))");
                return [.. JsonDocument.Parse(json).RootElement.EnumerateArray()
                    .Select(n => (n.GetProperty("tag").GetString()!, n.GetProperty("title").GetString()!, n.GetProperty("body").GetString()!))];
            }

            await Task.Delay(200);
        }

        return shown;
    }
}
