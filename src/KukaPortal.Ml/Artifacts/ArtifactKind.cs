using System.IO.Compression;
using System.Text.Json;

namespace KukaPortal.Ml.Artifacts;

/// <summary>What a .kpm file holds: a detector of recordings or of images.</summary>
public enum ModelKind
{
    TimeSeries,
    Image,
}

/// <summary>
/// Tells a .kpm file's kind from its metadata.json without loading weights, so the CLI and portal can dispatch to
/// the right reader. Time-series artifacts predate the field and carry none; image artifacts say "kind": "image".
/// </summary>
public static class ArtifactKind
{
    public const string ImageName = "image";
    internal const string MetadataEntry = "metadata.json";

    public static ModelKind Of(string path)
    {
        using var zip = Open(path);
        var entry = zip.GetEntry(MetadataEntry) ?? throw new ModelArtifactException($"'{path}' has no {MetadataEntry}; it is not a KukaPortal model file.");
        using var stream = entry.Open();
        using var document = JsonDocument.Parse(stream);
        return Of(document.RootElement);
    }

    internal static ModelKind Of(JsonElement metadata) =>
        metadata.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == ImageName
            ? ModelKind.Image
            : ModelKind.TimeSeries;

    /// <summary>Opens a .kpm zip with the errors every reader gives for a missing or non-zip file.</summary>
    internal static ZipArchive Open(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new ModelArtifactException($"'{path}' is not a KukaPortal model file (.kpm is a zip archive).", e);
        }
    }
}
