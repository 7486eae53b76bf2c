using System.Text.Json;
using System.Text.Json.Serialization;

namespace RealtimeCalendar.Aws.ManagementApi;

/// <summary>Source-generated (Native AOT) JSON for the Management API's bodies, camelCase as AWS sends them.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(GetConnectionResponse))]
internal sealed partial class ManagementApiJsonContext : JsonSerializerContext;
