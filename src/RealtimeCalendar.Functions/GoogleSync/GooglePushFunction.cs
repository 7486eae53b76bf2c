using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.GoogleSync;
using RealtimeCalendar.Functions.Notify;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.DynamoDb;
using RealtimeCalendar.Lambda.Hosting;

namespace RealtimeCalendar.Functions.GoogleSync;

/// <summary>
/// <c>google-push</c>: a second reader of the Events stream that sends each committed local change to the owner's
/// Google Calendar (changes made by a pull, and users without a connection, cost a table read and nothing else).
/// Records are pushed in order; at the first failure the rest of the batch is reported as failed from that record on,
/// so the stream retries it without reordering changes of one event.
/// </summary>
public sealed class GooglePushFunction(
    string? unavailableReason,
    Func<CancellationToken, Task<GoogleSyncComponents>> components,
    ILogger<GooglePushFunction> logger)
    : JsonLambdaFunction<DynamoDBEvent, StreamsEventResponse>(
        LambdaContractsJsonContext.Default.DynamoDBEvent,
        LambdaContractsJsonContext.Default.StreamsEventResponse)
{
    protected override async Task<StreamsEventResponse> HandleAsync(DynamoDBEvent request, LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        if (unavailableReason is not null)
        {
            // Without Google sync there is nothing to push; failing would only replay the stream.
            logger.LogDebug("google-push skipped a batch: {Reason}", unavailableReason);
            return new StreamsEventResponse { BatchItemFailures = [] };
        }

        var google = await components(cancellationToken);
        foreach (var record in request.Records ?? [])
        {
            (Core.Events.CalendarEvent? Before, Core.Events.CalendarEvent? After)? images;
            try
            {
                images = StreamChangeReader.ReadImages(record);
            }
            catch (FormatException e)
            {
                logger.LogError("Stream record {EventId} skipped: {Reason}", record.EventID, e.Message);
                continue;
            }

            if (images is not { } change)
                continue;
            var userId = (change.After ?? change.Before)!.UserId;
            try
            {
                await google.Sync.PushAsync(userId, change.Before, change.After, cancellationToken);
            }
            catch (GoogleCalendarException e) when (e.Status is >= 400 and < 500)
            {
                // Refused for good (a revoked grant, an event Google will not take): retrying would block the shard.
                logger.LogWarning("Google refused a change of {UserId} with {Status}; not retried", userId, e.Status);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Pushing a change of {UserId} to Google failed; the stream retries from record {Sequence}", userId, record.Dynamodb?.SequenceNumber);
                return new StreamsEventResponse
                {
                    BatchItemFailures = [new StreamsEventResponse.BatchItemFailure { ItemIdentifier = record.Dynamodb?.SequenceNumber }],
                };
            }
        }

        return new StreamsEventResponse { BatchItemFailures = [] };
    }
}
