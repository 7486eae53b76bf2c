using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealtimeCalendar.Lambda.Contracts.DynamoDb;

/// <summary>
/// <c>ApproximateCreationDateTime</c>: epoch seconds, whole or fractional, as a stream delivered straight to Lambda
/// sends it, or epoch milliseconds, as streams read through Kinesis send it (the AWS sample
/// <c>dynamodb-with-ms-event.json</c>; aws/aws-lambda-dotnet#839). Millisecond precision is kept; written as seconds.
/// </summary>
public sealed class EpochSecondsJsonConverter : JsonConverter<DateTimeOffset>
{
    // Seconds stay below 1e11 until the year 5138; milliseconds have been above it since 1973. No stream record is from
    // either side of that, so one threshold tells the units apart.
    private const double MillisecondsFrom = 1e11;

    private static readonly double MaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
            throw new JsonException($"ApproximateCreationDateTime must be a number, not {reader.TokenType}.");

        var value = reader.GetDouble();
        var milliseconds = Math.Round(value >= MillisecondsFrom ? value : value * 1000d);
        if (milliseconds < 0 || milliseconds > MaxMilliseconds)
            throw new JsonException($"ApproximateCreationDateTime {value} is outside the years a stream record can have.");
        return DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.ToUnixTimeMilliseconds() / 1000m);
    }
}
