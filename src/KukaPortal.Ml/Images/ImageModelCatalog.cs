using KukaPortal.Ml.Images.AdvVae;
using KukaPortal.Ml.Images.CvaeGan;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images;

/// <summary>The one place an image family's model and training step are built from its settings.</summary>
internal static class ImageModelCatalog
{
    /// <summary>A fresh, untrained model of the settings' family and shape (also used to load an artifact's weights into).</summary>
    public static ImageModel CreateModel(ImageDetectorSettings settings) => settings.Family switch
    {
        ImageModelFamily.CvaeGan => new CvaeGanModel(settings),
        ImageModelFamily.AdvVae => new AdvVaeModel(settings),
        _ => throw new NotSupportedException($"Image family {settings.Family} is not built yet."),
    };

    /// <summary>The training step of the settings' family for <paramref name="model"/>, already on <paramref name="device"/>.</summary>
    public static IImageTrainingStep CreateStep(ImageDetectorSettings settings, ImageModel model, Device device) => settings.Family switch
    {
        ImageModelFamily.CvaeGan => new CvaeGanStep((CvaeGanModel)model, settings, device),
        ImageModelFamily.AdvVae => new AdvVaeStep((AdvVaeModel)model, settings, device),
        _ => throw new NotSupportedException($"Image family {settings.Family} is not built yet."),
    };
}
