using System.Text.Json;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.Functions.CalendarApi;
using RealtimeCalendar.Functions.Http;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Quotas;
using Xunit.Abstractions;

namespace RealtimeCalendar.Functions.Tests.Paging;

/// <summary>
/// The largest page <c>GET /api/events</c> can answer, serialized the way the function answers it (the body JSON inside
/// the proxy response JSON, which is what Lambda's 6 MB limit counts), stays far below that limit: as many events at
/// every bound as the page budget admits by their wire bound, and the bound never undercounts what an event costs.
/// </summary>
public sealed class WorstCasePageTests(ITestOutputHelper output)
{
    // Characters the validator accepts, each escaped differently: astral (two UTF-16 units, \uXXXX twice), non-ASCII BMP,
    // quote and backslash (escaped twice over), an HTML-sensitive ASCII character, plain ASCII.
    public static TheoryData<string> Characters => ["😀", "é", "\u2028", "\"", "\\", "<", "x"];

    [Theory]
    [MemberData(nameof(Characters))]
    public void A_full_page_of_the_largest_events_is_under_half_of_Lambdas_6_MB(string character)
    {
        var largest = LargestEvent(character, 0);
        var count = EventPaging.PageBudgetBytes / EventPaging.WireBound(largest);
        var page = new EventList([.. Enumerable.Range(0, count).Select(i => EventResource.From(LargestEvent(character, i)))], NextPageToken: new string('A', 120));

        var response = HttpResponses.Json(200, page, FunctionsJsonContext.Wire.EventList);
        var payload = JsonSerializer.SerializeToUtf8Bytes(response, LambdaContractsJsonContext.Default.APIGatewayHttpApiV2ProxyResponse);

        output.WriteLine($"{count} events of '{character}': body {System.Text.Encoding.UTF8.GetByteCount(response.Body!)} bytes, Lambda payload {payload.Length} bytes ({payload.Length / count} per event, bound {EventPaging.WireBound(largest)})");
        Assert.True(payload.Length < LambdaQuotas.SynchronousPayloadBytes / 2, $"{payload.Length} bytes");
        Assert.True(payload.Length / count <= EventPaging.WireBound(largest), "The wire bound undercounts an event.");
        Assert.True(EventPaging.WireBound(largest) <= EventPaging.LargestWireBound);
        Assert.InRange(count, 30, EventPaging.StoreChunk);
    }

    // Every field at its bound, and a series occurrence's fields set, as an occurrence is the largest thing a page lists.
    private static CalendarEvent LargestEvent(string character, int index)
    {
        string Text(int length) => string.Concat(Enumerable.Repeat(character, length / character.Length));
        var start = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero).AddMinutes(index);
        var seriesId = EventIds.New();
        return new CalendarEvent(
            "user",
            EventIds.Instance(seriesId, start, allDay: false),
            Text(EventLimits.TitleMaxLength),
            start,
            start.AddHours(1),
            AllDay: false,
            "America/Argentina/ComodRivadavia",
            Text(EventLimits.DescriptionMaxLength),
            Text(EventLimits.LocationMaxLength),
            Version: long.MaxValue,
            start,
            "google",
            EventType: EventTypes.OutOfOffice, // the longest type a listing can carry (working locations are left out)
            RecurringEventId: seriesId,
            OriginalStartTime: start);
    }
}
