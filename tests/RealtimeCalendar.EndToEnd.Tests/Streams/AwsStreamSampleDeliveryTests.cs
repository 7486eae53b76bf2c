using System.Text;
using System.Text.Json.Nodes;
using RealtimeCalendar.Aws.Events;
using RealtimeCalendar.Core.Events;
using RealtimeCalendar.EndToEnd.Tests.Fixtures;
using RealtimeCalendar.EndToEnd.Tests.Realtime;
using RealtimeCalendar.Functions.Bootstrap;
using RealtimeCalendar.Functions.Routing;
using RealtimeCalendar.Lambda.Hosting;

namespace RealtimeCalendar.EndToEnd.Tests.Streams;

/// <summary>
/// <c>notify</c> fed batches shaped as AWS's samples are (DynamoDB Local's stream only ever sends whole seconds), on the
/// local cloud's real Connections table, Management API and sockets.
/// </summary>
[Collection(LocalCloudCollection.Name)]
public sealed class AwsStreamSampleDeliveryTests(LocalCloudFixture fixture)
{
    [Fact]
    public async Task A_batch_with_millisecond_creation_times_and_an_unreadable_record_is_delivered_whole_minus_that_record()
    {
        var user = await fixture.CreateUserAsync();
        await using var socket = await RealtimeSession.OpenAsync(fixture, user);
        await socket.SendAsync("""{"action":"ping"}""");
        await socket.NextAsync(m => (string?)m["type"] == "pong");
        var first = Event(user.UserId, "Read from milliseconds");
        var second = Event(user.UserId, "After the unreadable record");
        var batch = new JsonObject
        {
            ["Records"] = new JsonArray(
                Record("1", first, approximateCreation: 1796011200123, sequence: "100000000000000000001"),
                // A record AWS could never send this way: logged and skipped, never a failed batch.
                new JsonObject { ["eventID"] = "2", ["eventName"] = "INSERT", ["dynamodb"] = new JsonObject { ["ApproximateCreationDateTime"] = "yesterday" } },
                Record("3", second, approximateCreation: 1796011200.456, sequence: "100000000000000000003")),
        };
        var notify = FunctionCatalog.Create(FunctionNames.Notify, fixture.Cloud.Services);

        var response = JsonNode.Parse(await notify.InvokeAsync(
            Encoding.UTF8.GetBytes(batch.ToJsonString()), new LambdaInvocation("ms-batch", DateTimeOffset.UtcNow.AddMinutes(1), null, null), CancellationToken.None))!;

        Assert.Empty(response["batchItemFailures"]!.AsArray());
        Assert.Equal("Read from milliseconds", (string?)(await socket.NextChangeAsync(first.EventId))["event"]!["title"]);
        Assert.Equal("After the unreadable record", (string?)(await socket.NextChangeAsync(second.EventId))["event"]!["title"]);
    }

    private static CalendarEvent Event(string userId, string title)
    {
        var start = new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero);
        return new CalendarEvent(userId, EventIds.New(), title, start, start.AddHours(1), false, "Europe/Berlin", null, null, 1, DateTimeOffset.UtcNow, "api");
    }

    /// <summary>An INSERT record as the Events stream sends it, the image written by the table's own item layout.</summary>
    private static JsonObject Record(string eventId, CalendarEvent calendarEvent, double approximateCreation, string sequence)
    {
        var image = new JsonObject();
        foreach (var (name, value) in EventItem.ToItem(calendarEvent, due: null))
        {
            image[name] = value switch
            {
                { S: not null } => new JsonObject { ["S"] = value.S },
                { N: not null } => new JsonObject { ["N"] = value.N },
                { BOOL: not null } => new JsonObject { ["BOOL"] = value.BOOL },
                _ => new JsonObject { ["NULL"] = true },
            };
        }

        return new JsonObject
        {
            ["eventID"] = eventId,
            ["eventName"] = "INSERT",
            ["eventVersion"] = "1.1",
            ["eventSource"] = "aws:dynamodb",
            ["awsRegion"] = "us-east-1",
            ["dynamodb"] = new JsonObject
            {
                ["ApproximateCreationDateTime"] = approximateCreation,
                ["Keys"] = new JsonObject { ["userId"] = image["userId"]!.DeepClone(), ["eventId"] = image["eventId"]!.DeepClone() },
                ["NewImage"] = image,
                ["SequenceNumber"] = sequence,
                ["SizeBytes"] = 300,
                ["StreamViewType"] = "NEW_AND_OLD_IMAGES",
            },
            ["eventSourceARN"] = "arn:aws:dynamodb:us-east-1:123456789012:table/Events/stream/2026-11-30T00:00:00.000",
        };
    }
}
