using System.CommandLine;
using KukaPortal.Ml.Artifacts;

namespace KukaPortal.Cli.Commands.Training;

/// <summary>--model: which detector family to train. Only the convolutional autoencoder exists so far.</summary>
internal static class ModelFamilyOption
{
    public static Option<string> Create() => new("--model")
    {
        Description = $"Model family to train: {ModelFamilies.ConvAutoencoder}.",
        DefaultValueFactory = _ => ModelFamilies.ConvAutoencoder,
    };

    public static void Check(string family)
    {
        if (!string.Equals(family, ModelFamilies.ConvAutoencoder, StringComparison.OrdinalIgnoreCase))
            throw CommandFailure.Usage($"Model family '{family}' is not available yet; available: {ModelFamilies.ConvAutoencoder}.");
    }
}
