using Amazon;
using Amazon.DynamoDBv2;
using Microsoft.Extensions.Logging;
using RealtimeCalendar.Aws.Events;
using RealtimeCalendar.Core.Calendar;

namespace RealtimeCalendar.Functions.Bootstrap;

/// <summary>
/// The composition root: builds each adapter and service once, on first use, so a function's cold
/// start pays only for what that function touches.
/// </summary>
public sealed class FunctionServices : IDisposable
{
    private readonly Lazy<AmazonDynamoDBClient> dynamoDb;
    private readonly Lazy<CalendarService> calendar;

    public FunctionServices(FunctionSettings settings, ILoggerFactory loggerFactory, TimeProvider time)
    {
        Settings = settings;
        LoggerFactory = loggerFactory;
        Time = time;
        dynamoDb = new(() => CreateDynamoDbClient(settings));
        calendar = new(() => new CalendarService(
            new DynamoDbEventStore(dynamoDb.Value, settings.EventsTable),
            time,
            new CalendarOptions { MaxEventsPerUser = settings.MaxEventsPerUser },
            loggerFactory.CreateLogger<CalendarService>()));
    }

    public FunctionSettings Settings { get; }

    public ILoggerFactory LoggerFactory { get; }

    public TimeProvider Time { get; }

    public IAmazonDynamoDB DynamoDb => dynamoDb.Value;

    public CalendarService Calendar => calendar.Value;

    public void Dispose()
    {
        if (dynamoDb.IsValueCreated)
            dynamoDb.Value.Dispose();
    }

    private static AmazonDynamoDBClient CreateDynamoDbClient(FunctionSettings settings)
    {
        var config = new AmazonDynamoDBConfig();
        if (settings.DynamoDbEndpoint is { } endpoint)
        {
            config.ServiceURL = endpoint.ToString();
            config.AuthenticationRegion = settings.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
        }

        return new AmazonDynamoDBClient(config);
    }
}
