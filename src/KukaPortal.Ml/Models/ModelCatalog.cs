using KukaPortal.Core.Series;
using KukaPortal.Ml.ConvAutoencoder;
using KukaPortal.Ml.Dense;
using KukaPortal.Ml.Pca;
using KukaPortal.Ml.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Models;

/// <summary>
/// The one place that knows which classes make up each family: the model that is trained, saved and scored,
/// and the training step that fits it. Every shape must follow from the settings and the channel count
/// alone, because loading an artifact rebuilds the model from them before reading its weights.
/// </summary>
internal static class ModelCatalog
{
    public static WindowModel Create(DetectorSettings settings, int channels) => settings.Family switch
    {
        ModelFamily.ConvAe or ModelFamily.ConvAae => new ConvAeModel(ConvAePlan.For(settings.Window, channels, settings.Latent, settings.BaseWidth)),
        ModelFamily.DenseAe or ModelFamily.DenseAae => new DenseAeModel(channels, settings.Window, settings.Latent),
        ModelFamily.DenseAeBn => new DenseAeBnModel(channels, settings.Window, settings.Latent),
        ModelFamily.Pca => new PcaModel(channels),
        _ => throw new NotSupportedException($"The {settings.Family.Name()} family is not built yet."),
    };

    /// <summary>The iteration of a gradient-trained family; the model is already on <paramref name="device"/>.</summary>
    public static ITrainingStep Step(DetectorSettings settings, WindowModel model, int channels, Device device) => settings.Family switch
    {
        ModelFamily.ConvAe or ModelFamily.DenseAe or ModelFamily.DenseAeBn => new ReconstructionStep(model, settings.LearningRate),
        ModelFamily.ConvAae => new Adversarial.AdversarialStep(model,
            Adversarial.ConvDiscriminator.On(device, ConvAePlan.For(settings.Window, channels, settings.Latent, settings.BaseWidth)), settings),
        ModelFamily.DenseAae => new Adversarial.AdversarialStep(model, new DenseDiscriminator(channels, settings.Window).to(device), settings),
        _ => throw new NotSupportedException($"The {settings.Family.Name()} family has no training step yet."),
    };

    /// <summary>Fits a closed-form family on the training windows' rows (never the held-out ones).</summary>
    public static TrainingOutcome FitClosedForm(DetectorSettings settings, WindowModel model, TimeSeries scaled, HoldOutSplit split, Device device) => settings.Family switch
    {
        ModelFamily.Pca => PcaFitting.Run((PcaModel)model, settings, scaled, split, device),
        _ => throw new NotSupportedException($"The {settings.Family.Name()} family is not fitted in closed form."),
    };
}
