using Microsoft.Extensions.Logging;
using RealtimeCalendar.Core.Realtime;
using RealtimeCalendar.Lambda.Contracts;
using RealtimeCalendar.Lambda.Contracts.DynamoDb;
using RealtimeCalendar.Lambda.Hosting;

namespace RealtimeCalendar.Functions.Notify;

/// <summary>
/// <c>notify</c>: triggered by the Events table's stream; pushes each change to the owner's sockets and reports
/// undelivered records as <c>batchItemFailures</c>, so the stream retries exactly those (and what follows them).
/// </summary>
public sealed class NotifyFunction(ChangeNotifier notifier, ILogger<NotifyFunction> logger)
    : JsonLambdaFunction<DynamoDBEvent, StreamsEventResponse>(
        LambdaContractsJsonContext.Default.DynamoDBEvent,
        LambdaContractsJsonContext.Default.StreamsEventResponse)
{
    protected override async Task<StreamsEventResponse> HandleAsync(DynamoDBEvent request, LambdaInvocation invocation, CancellationToken cancellationToken)
    {
        var changes = new List<EventChange>();
        foreach (var record in request.Records ?? [])
        {
            EventChange? change;
            try
            {
                change = StreamChangeReader.Read(record);
            }
            catch (FormatException e)
            {
                // A record that can never be read would block the shard forever if it were failed; log it and move on.
                change = null;
                logger.LogError("Stream record {EventId} skipped: {Reason}", record.EventID, e.Message);
            }

            if (change is not null)
                changes.Add(change);
        }

        var failed = await notifier.NotifyAsync(changes, cancellationToken);
        return new StreamsEventResponse
        {
            BatchItemFailures = [.. failed.Select(sequence => new StreamsEventResponse.BatchItemFailure { ItemIdentifier = sequence })],
        };
    }
}
