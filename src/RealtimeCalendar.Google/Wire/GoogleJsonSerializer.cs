using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Google.Apis;

namespace RealtimeCalendar.Google.Wire;

/// <summary>
/// Google.Apis' serializer seam, filled with System.Text.Json over <see cref="GoogleJsonContext"/> instead of the
/// library's Newtonsoft default: every body this client sends or reads is one of our own wire types.
/// </summary>
public sealed class GoogleJsonSerializer : ISerializer
{
    public static GoogleJsonSerializer Instance { get; } = new();

    public string Format => "json";

    public void Serialize(object obj, Stream target) => JsonSerializer.Serialize(target, obj, TypeInfo(obj.GetType()));

    public string Serialize(object obj) => JsonSerializer.Serialize(obj, TypeInfo(obj.GetType()));

    public T Deserialize<T>(string input) => (T)JsonSerializer.Deserialize(input, TypeInfo(typeof(T)))!;

    public object Deserialize(string input, Type type) => JsonSerializer.Deserialize(input, TypeInfo(type))!;

    public T Deserialize<T>(Stream input) => (T)JsonSerializer.Deserialize(input, TypeInfo(typeof(T)))!;

    private static JsonTypeInfo TypeInfo(Type type) =>
        GoogleJsonContext.Default.GetTypeInfo(type) ?? throw new NotSupportedException($"{type} is not a Calendar v3 wire type of this client.");
}
