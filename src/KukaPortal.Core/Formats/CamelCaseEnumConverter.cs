using System.Text.Json;
using System.Text.Json.Serialization;

namespace KukaPortal.Core.Formats;

/// <summary>
/// Writes an enum as its camelCase name ("dropRows"). Put on the enum types themselves, so the API, the
/// CLI and any serializer options agree without each caller configuring converters.
/// </summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
