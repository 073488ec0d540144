using System.IO.Compression;
using System.Text.Json;
using KukaPortal.Ml.Artifacts;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images;

/// <summary>
/// An image detector as a .kpm file: the same zip as the time-series models (metadata.json + weights.bin in
/// TorchSharp's state-dict format) with <see cref="ImageModelMetadata"/>. Version and kind are checked before
/// anything else is trusted, so a time-series model or a foreign file fails with a message, not a shape error.
/// </summary>
internal static class ImageArtifact
{
    private const string WeightsEntry = "weights.bin";

    public static void Write(string path, ImageModel model, ImageModelMetadata metadata)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Write beside and rename, so a crash never leaves a half-written model where a good one was.
        var temp = full + ".tmp";
        using (var zip = ZipFile.Open(temp, ZipArchiveMode.Create))
        {
            using (var stream = zip.CreateEntry(ArtifactKind.MetadataEntry).Open())
                JsonSerializer.Serialize(stream, metadata, ArtifactJson.Options);
            using (var weights = zip.CreateEntry(WeightsEntry, CompressionLevel.NoCompression).Open())
                model.save(weights);
        }
        File.Move(temp, full, overwrite: true);
    }

    public static (ImageModel Model, ImageModelMetadata Metadata) Read(string path, Device device)
    {
        using var zip = ArtifactKind.Open(path);
        var metadata = ReadMetadata(zip, path);
        var model = ImageModelCatalog.CreateModel(metadata.Settings);
        try
        {
            var entry = zip.GetEntry(WeightsEntry) ?? throw new ModelArtifactException($"'{path}' has no {WeightsEntry}.");
            using (var weights = entry.Open())
                model.load(weights);
            model.to(device);
            model.eval();
            return (model, metadata);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static ImageModelMetadata ReadMetadata(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(ArtifactKind.MetadataEntry)
            ?? throw new ModelArtifactException($"'{path}' has no {ArtifactKind.MetadataEntry}; it is not a KukaPortal model file.");
        using var stream = entry.Open();
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;

        if (!root.TryGetProperty("formatVersion", out var version) || !version.TryGetInt32(out var formatVersion))
            throw new ModelArtifactException($"'{path}' does not state a format version; it is not a KukaPortal model file.");
        if (ArtifactKind.Of(root) != ModelKind.Image)
            throw new ModelArtifactException($"'{path}' is a time-series model; use it on recordings, not on image sets.");
        if (formatVersion != ArtifactFormat.Version)
            throw new ModelArtifactException(
                $"'{path}' has model format version {formatVersion}; this build of KukaPortal reads format version {ArtifactFormat.Version}. " +
                "Use the KukaPortal version that wrote it, or retrain the model.");

        try
        {
            var metadata = root.Deserialize<ImageModelMetadata>(ArtifactJson.Options)
                ?? throw new ModelArtifactException($"'{path}' has an empty {ArtifactKind.MetadataEntry}.");
            metadata.Settings.Validate();
            return metadata;
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new ModelArtifactException($"'{path}' has image metadata this build cannot read: {e.Message}", e);
        }
    }
}
