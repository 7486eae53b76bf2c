using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.EventSources;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace RealtimeCalendar.Deploy.Streams;

/// <summary>
/// Feeds the Events table's stream to one function (<c>notify</c>, and <c>google-push</c> when Google sync is
/// deployed: a stream shard allows two readers). The handler reports the records it could not handle
/// (ReportBatchItemFailures), so only those are retried; a batch that keeps failing is split to isolate the bad
/// record, and what still fails after the retries goes to a dead-letter queue instead of blocking the shard.
/// </summary>
public sealed class EventsStreamTrigger : Construct
{
    public const int BatchSize = 100;
    public const int RetryAttempts = 10;

    public EventsStreamTrigger(Construct scope, string id, ITable events, IFunction function)
        : base(scope, id)
    {
        DeadLetters = new Queue(this, "FailedChanges", new QueueProps
        {
            RetentionPeriod = Duration.Days(14),
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
        });

        function.AddEventSource(new DynamoEventSource(events, new DynamoEventSourceProps
        {
            // Only changes made after the deploy matter: open tabs reload their range on (re)connect.
            StartingPosition = StartingPosition.LATEST,
            BatchSize = BatchSize,
            ReportBatchItemFailures = true,
            BisectBatchOnError = true,
            RetryAttempts = RetryAttempts,
            // A change this old has been superseded by the reload every reconnecting tab does.
            MaxRecordAge = Duration.Hours(1),
            OnFailure = new SqsDlq(DeadLetters),
        }));
    }

    /// <summary>Where the stream records the function could not handle end up (their location, not their data).</summary>
    public Queue DeadLetters { get; }
}
