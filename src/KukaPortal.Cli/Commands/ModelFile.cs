using KukaPortal.Ml.Artifacts;
using KukaPortal.Ml.Runtime;
using KukaPortal.Ml.Scoring;

namespace KukaPortal.Cli.Commands;

/// <summary>Loads a .kpm model for score and evaluate: a missing file is a usage error, a file that is not a model is rejected.</summary>
internal static class ModelFile
{
    public static Detector Load(FileInfo file, TorchDeviceOption device)
    {
        if (!file.Exists)
            throw CommandFailure.Usage($"No such model file: {file.FullName}");
        var torch = TorchOptions.Start(device);
        try
        {
            return Detector.Load(file.FullName, torch.ToDevice());
        }
        catch (ModelArtifactException e)
        {
            throw CommandFailure.Rejected(e.Message);
        }
    }
}
