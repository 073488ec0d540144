using System.IO.Compression;
using System.Text.Json;
using KukaPortal.Core.Preprocessing;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Scoring;
using KukaPortal.Ml.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Artifacts;

/// <summary>
/// The .kpm file: a zip holding weights.bin (TorchSharp's state-dict format) and metadata.json.
/// The version and family are checked before anything else is trusted, so an unknown file fails with a
/// message instead of a shape error deep in torch.
/// </summary>
internal static class DetectorArtifact
{
    private const string WeightsEntry = "weights.bin";
    private const string MetadataEntry = "metadata.json";

    public static void Write(string path, Detector detector)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Write beside and rename, so a crash never leaves a half-written model where a good one was.
        var temp = full + ".tmp";
        using (var zip = ZipFile.Open(temp, ZipArchiveMode.Create))
        {
            using (var metadata = zip.CreateEntry(MetadataEntry).Open())
                JsonSerializer.Serialize(metadata, detector.Metadata, ArtifactJson.Options);
            using (var weights = zip.CreateEntry(WeightsEntry, CompressionLevel.NoCompression).Open())
                detector.Model.save(weights);
        }
        File.Move(temp, full, overwrite: true);
    }

    public static Detector Read(string path, Device device)
    {
        using (var zip = ArtifactKind.Open(path))
        {
            var metadata = ReadMetadata(zip, path);
            var settings = metadata.Hyperparameters.Deserialize<DetectorSettings>(ArtifactJson.Options)
                ?? throw new ModelArtifactException($"'{path}' has no hyperparameters.");
            var preprocessing = RestorePreprocessing(metadata, path);

            var model = ModelCatalog.Create(settings, preprocessing.OutputChannels.Count);
            try
            {
                var entry = zip.GetEntry(WeightsEntry) ?? throw new ModelArtifactException($"'{path}' has no {WeightsEntry}.");
                using (var weights = entry.Open())
                    model.load(weights);
                model.to(device);
                model.eval();
                return new Detector(model, preprocessing, metadata, settings, device);
            }
            catch
            {
                model.Dispose();
                throw;
            }
        }
    }

    private static PreprocessingPipeline RestorePreprocessing(ModelMetadata metadata, string path)
    {
        try
        {
            var pipeline = metadata.Preprocessing.Restore();
            if (!pipeline.InputChannels.SequenceEqual(metadata.Channels, StringComparer.Ordinal))
                throw new InvalidDataException("its preprocessing reads other channels than the model states");
            return pipeline;
        }
        catch (InvalidDataException e)
        {
            throw new ModelArtifactException($"'{path}' has damaged preprocessing: {e.Message}", e);
        }
    }

    private static ModelMetadata ReadMetadata(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(MetadataEntry) ?? throw new ModelArtifactException($"'{path}' has no {MetadataEntry}; it is not a KukaPortal model file.");
        using var stream = entry.Open();
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;

        if (!root.TryGetProperty("formatVersion", out var version) || !version.TryGetInt32(out var formatVersion))
            throw new ModelArtifactException($"'{path}' does not state a format version; it is not a KukaPortal model file.");
        if (formatVersion != ArtifactFormat.Version)
            throw new ModelArtifactException(
                $"'{path}' has model format version {formatVersion}; this build of KukaPortal reads format version {ArtifactFormat.Version}. " +
                "Use the KukaPortal version that wrote it, or retrain the model.");

        if (ArtifactKind.Of(root) == ModelKind.Image)
            throw new ModelArtifactException($"'{path}' is an image model; use it on image sets, not on recordings.");

        var family = root.TryGetProperty("family", out var f) ? f.GetString() : null;
        if (!ModelFamilyNames.TryParse(family, out _))
            throw new ModelArtifactException(
                $"'{path}' holds a model of family '{family}'; this build of KukaPortal knows: {string.Join(", ", ModelFamilyNames.All)}.");

        return root.Deserialize<ModelMetadata>(ArtifactJson.Options)
            ?? throw new ModelArtifactException($"'{path}' has an empty {MetadataEntry}.");
    }
}
