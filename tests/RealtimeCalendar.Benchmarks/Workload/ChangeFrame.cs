using System.Text.Json;
using RealtimeCalendar.Benchmarks.Measurement;

namespace RealtimeCalendar.Benchmarks.Workload;

/// <summary>Reads a change message off the wire without building a DOM, so the client's own JSON work stays out of push latency.</summary>
public static class ChangeFrame
{
    /// <summary>The top-level <c>type</c>, <c>op</c>, <c>eventId</c> and <c>version</c> of a change message; null for any other frame.</summary>
    public static Delivery? Read(ReadOnlySpan<byte> message)
    {
        string? type = null, op = null, eventId = null;
        long version = -1;
        var reader = new Utf8JsonReader(message);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8) && reader.Read())
                    type = reader.GetString();
                else if (reader.ValueTextEquals("op"u8) && reader.Read())
                    op = reader.GetString();
                else if (reader.ValueTextEquals("eventId"u8) && reader.Read())
                    eventId = reader.GetString();
                else if (reader.ValueTextEquals("version"u8) && reader.Read())
                    version = reader.GetInt64();
                else if (reader.Read())
                    reader.Skip();
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return type == "event.changed" && eventId is not null && op is not null && version >= 0
            ? new Delivery(eventId, version, op, 0)
            : null;
    }
}
