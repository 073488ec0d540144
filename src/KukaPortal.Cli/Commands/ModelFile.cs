using KukaPortal.Ml.Artifacts;
using KukaPortal.Ml.Images;
using KukaPortal.Ml.Runtime;
using KukaPortal.Ml.Scoring;

namespace KukaPortal.Cli.Commands;

/// <summary>
/// Loads a .kpm model for score and evaluate: a missing file is a usage error, a file that is not a model is
/// rejected. <see cref="KindOf"/> lets a verb send image models to the image path before anything is loaded.
/// </summary>
internal static class ModelFile
{
    public static ModelKind KindOf(FileInfo file)
    {
        RequireExists(file);
        try
        {
            return ArtifactKind.Of(file.FullName);
        }
        catch (Exception e) when (e is ModelArtifactException or System.Text.Json.JsonException)
        {
            throw CommandFailure.Rejected(e.Message);
        }
    }

    public static Detector Load(FileInfo file, TorchDeviceOption device) => Load(file, device, Detector.Load);

    public static ImageDetector LoadImage(FileInfo file, TorchDeviceOption device) => Load(file, device, ImageDetector.Load);

    private static T Load<T>(FileInfo file, TorchDeviceOption device, Func<string, TorchSharp.torch.Device, T> load)
    {
        RequireExists(file);
        var torch = TorchOptions.Start(device);
        try
        {
            return load(file.FullName, torch.ToDevice());
        }
        catch (ModelArtifactException e)
        {
            throw CommandFailure.Rejected(e.Message);
        }
    }

    private static void RequireExists(FileInfo file)
    {
        if (!file.Exists)
            throw CommandFailure.Usage($"No such model file: {file.FullName}");
    }
}
