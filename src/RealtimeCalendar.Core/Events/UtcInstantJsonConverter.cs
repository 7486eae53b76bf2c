using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealtimeCalendar.Core.Events;

/// <summary>
/// Writes instants the way the wire promises (<c>2026-11-27T12:00:00.000Z</c>: UTC, milliseconds, <c>Z</c>),
/// the same fixed form the store keeps, so a value read back compares equal to the value sent.
/// </summary>
public sealed class UtcInstantJsonConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset().ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
