using System.Text;
using System.Text.Json;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.DynamoDb;

namespace RealtimeCalendar.Lambda.Tests.Contracts;

public sealed class DynamoDBEventContractTests
{
    // A batch from the Events table stream (NEW_AND_OLD_IMAGES): a create, an edit, and a TTL removal by DynamoDB itself.
    private const string EventsStreamBatch = """
        {
          "Records": [
            {
              "eventID": "c4ca4238a0b923820dcc509a6f75849b",
              "eventName": "INSERT",
              "eventVersion": "1.1",
              "eventSource": "aws:dynamodb",
              "awsRegion": "eu-west-1",
              "dynamodb": {
                "ApproximateCreationDateTime": 1795511700,
                "Keys": { "userId": { "S": "user-7f2e" }, "eventId": { "S": "evt-01" } },
                "NewImage": {
                  "userId": { "S": "user-7f2e" },
                  "eventId": { "S": "evt-01" },
                  "title": { "S": "Dentist" },
                  "start": { "S": "2026-11-27T08:30:00Z" },
                  "end": { "S": "2026-11-27T09:15:00Z" },
                  "allDay": { "BOOL": false },
                  "description": { "NULL": true },
                  "version": { "N": "1" }
                },
                "SequenceNumber": "111000000000000000000001",
                "SizeBytes": 187,
                "StreamViewType": "NEW_AND_OLD_IMAGES"
              },
              "eventSourceARN": "arn:aws:dynamodb:eu-west-1:123456789012:table/Events/stream/2026-11-24T09:00:00.000"
            },
            {
              "eventID": "c81e728d9d4c2f636f067f89cc14862c",
              "eventName": "MODIFY",
              "eventVersion": "1.1",
              "eventSource": "aws:dynamodb",
              "awsRegion": "eu-west-1",
              "dynamodb": {
                "ApproximateCreationDateTime": 1795511760,
                "Keys": { "userId": { "S": "user-7f2e" }, "eventId": { "S": "evt-01" } },
                "NewImage": {
                  "userId": { "S": "user-7f2e" },
                  "eventId": { "S": "evt-01" },
                  "title": { "S": "Dentist (moved)" },
                  "version": { "N": "2" },
                  "tags": { "SS": ["health", "personal"] },
                  "reminders": { "NS": ["10", "60"] },
                  "attendees": { "L": [ { "M": { "email": { "S": "ada@example.com" }, "optional": { "BOOL": true } } } ] },
                  "icon": { "B": "aGVsbG8=" },
                  "thumbnails": { "BS": ["aGk=", "eW8="] }
                },
                "OldImage": {
                  "userId": { "S": "user-7f2e" },
                  "eventId": { "S": "evt-01" },
                  "title": { "S": "Dentist" },
                  "version": { "N": "1" }
                },
                "SequenceNumber": "222000000000000000000002",
                "SizeBytes": 412,
                "StreamViewType": "NEW_AND_OLD_IMAGES"
              },
              "eventSourceARN": "arn:aws:dynamodb:eu-west-1:123456789012:table/Events/stream/2026-11-24T09:00:00.000"
            },
            {
              "eventID": "eccbc87e4b5ce2fe28308fd9f2a7baf3",
              "eventName": "REMOVE",
              "eventVersion": "1.1",
              "eventSource": "aws:dynamodb",
              "awsRegion": "eu-west-1",
              "userIdentity": { "type": "Service", "principalId": "dynamodb.amazonaws.com" },
              "dynamodb": {
                "ApproximateCreationDateTime": 1795518900,
                "Keys": { "userId": { "S": "user-7f2e" }, "eventId": { "S": "evt-01" } },
                "OldImage": {
                  "userId": { "S": "user-7f2e" },
                  "eventId": { "S": "evt-01" },
                  "version": { "N": "2" }
                },
                "SequenceNumber": "333000000000000000000003",
                "SizeBytes": 98,
                "StreamViewType": "NEW_AND_OLD_IMAGES"
              },
              "eventSourceARN": "arn:aws:dynamodb:eu-west-1:123456789012:table/Events/stream/2026-11-24T09:00:00.000"
            }
          ]
        }
        """;

    [Fact]
    public void Insert_record_carries_keys_new_image_and_stream_metadata()
    {
        var insert = Deserialize(EventsStreamBatch).Records![0];

        Assert.Equal("INSERT", insert.EventName);
        Assert.Equal("c4ca4238a0b923820dcc509a6f75849b", insert.EventID);
        Assert.Equal("aws:dynamodb", insert.EventSource);
        Assert.Equal("1.1", insert.EventVersion);
        Assert.Equal("eu-west-1", insert.AwsRegion);
        Assert.Equal("arn:aws:dynamodb:eu-west-1:123456789012:table/Events/stream/2026-11-24T09:00:00.000", insert.EventSourceArn);
        Assert.Null(insert.UserIdentity);

        var stream = insert.Dynamodb!;
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795511700), stream.ApproximateCreationDateTime);
        Assert.Equal("user-7f2e", stream.Keys!["userId"].S);
        Assert.Equal("evt-01", stream.Keys["eventId"].S);
        Assert.Equal("Dentist", stream.NewImage!["title"].S);
        Assert.Equal("1", stream.NewImage["version"].N);
        Assert.False(stream.NewImage["allDay"].BOOL);
        Assert.True(stream.NewImage["description"].NULL);
        Assert.Null(stream.OldImage);
        Assert.Equal("111000000000000000000001", stream.SequenceNumber);
        Assert.Equal(187, stream.SizeBytes);
        Assert.Equal("NEW_AND_OLD_IMAGES", stream.StreamViewType);
    }

    [Fact]
    public void Modify_record_carries_both_images_and_every_attribute_type()
    {
        var modify = Deserialize(EventsStreamBatch).Records![1];

        Assert.Equal("MODIFY", modify.EventName);
        var newImage = modify.Dynamodb!.NewImage!;
        Assert.Equal("2", newImage["version"].N);
        Assert.Equal("1", modify.Dynamodb.OldImage!["version"].N);
        Assert.Equal(["health", "personal"], newImage["tags"].SS);
        Assert.Equal(["10", "60"], newImage["reminders"].NS);
        var attendee = Assert.Single(newImage["attendees"].L!).M!;
        Assert.Equal("ada@example.com", attendee["email"].S);
        Assert.True(attendee["optional"].BOOL);
        Assert.Equal("hello", Encoding.UTF8.GetString(newImage["icon"].B!));
        Assert.Equal(["hi", "yo"], newImage["thumbnails"].BS!.Select(bytes => Encoding.UTF8.GetString(bytes)));
    }

    [Fact]
    public void Remove_record_by_ttl_carries_the_old_image_and_the_dynamodb_service_identity()
    {
        var remove = Deserialize(EventsStreamBatch).Records![2];

        Assert.Equal("REMOVE", remove.EventName);
        Assert.Equal("Service", remove.UserIdentity!.Type);
        Assert.Equal("dynamodb.amazonaws.com", remove.UserIdentity.PrincipalId);
        Assert.Null(remove.Dynamodb!.NewImage);
        Assert.Equal("2", remove.Dynamodb.OldImage!["version"].N);
        Assert.Equal("333000000000000000000003", remove.Dynamodb.SequenceNumber);
    }

    [Fact]
    public void Batch_the_local_cloud_writes_is_the_json_Lambda_sends()
    {
        var json = JsonSerializer.Serialize(Deserialize(EventsStreamBatch), LambdaContractsJsonContext.Default.DynamoDBEvent);

        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(EventsStreamBatch).RootElement, JsonDocument.Parse(json).RootElement), json);
    }

    [Fact]
    public void Fractional_creation_time_keeps_its_milliseconds_both_ways()
    {
        const string record = """{"Records":[{"dynamodb":{"ApproximateCreationDateTime":1795511700.25,"SizeBytes":1}}]}""";

        var streamEvent = Deserialize(record);
        var json = JsonSerializer.Serialize(streamEvent, LambdaContractsJsonContext.Default.DynamoDBEvent);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795511700250), streamEvent.Records![0].Dynamodb!.ApproximateCreationDateTime);
        Assert.Equal(record, json);
    }

    private static DynamoDBEvent Deserialize(string json) =>
        JsonSerializer.Deserialize(json, LambdaContractsJsonContext.Default.DynamoDBEvent)!;
}
