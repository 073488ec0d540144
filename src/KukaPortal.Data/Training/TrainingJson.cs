using System.Text.Json;

namespace KukaPortal.Data.Training;

/// <summary>How the training documents are written into their jsonb columns (camelCase, like the artifact's metadata).</summary>
public static class TrainingJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Read<T>(string? json) where T : class => json is null ? null : JsonSerializer.Deserialize<T>(json, Options);
}
