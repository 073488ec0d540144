using KukaPortal.Ml.Images.ConvAe2d;
using KukaPortal.Ml.Images.Ganomaly;
using KukaPortal.Ml.Images.SkipGanomaly;
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
        ImageModelFamily.ConvAe2d => new ConvAe2dModel(settings),
        ImageModelFamily.Ganomaly => new GanomalyModel(settings),
        ImageModelFamily.SkipGanomaly => new SkipGanomalyModel(settings, selfAttention: false),
        ImageModelFamily.SkipGanomalySa => new SkipGanomalyModel(settings, selfAttention: true),
        ImageModelFamily.CvaeGan => new CvaeGanModel(settings),
        ImageModelFamily.AdvVae => new AdvVaeModel(settings),
        _ => throw new NotSupportedException($"Image family {settings.Family} is not built yet."),
    };

    /// <summary>The training step of the settings' family for <paramref name="model"/>, already on <paramref name="device"/>.</summary>
    public static IImageTrainingStep CreateStep(ImageDetectorSettings settings, ImageModel model, Device device) => settings.Family switch
    {
        ImageModelFamily.ConvAe2d => new ConvAe2dStep(model, settings),
        ImageModelFamily.Ganomaly => new GanomalyStep((GanomalyModel)model, settings, device),
        ImageModelFamily.SkipGanomaly or ImageModelFamily.SkipGanomalySa => new SkipGanomalyStep((SkipGanomalyModel)model, settings),
        ImageModelFamily.CvaeGan => new CvaeGanStep((CvaeGanModel)model, settings, device),
        ImageModelFamily.AdvVae => new AdvVaeStep((AdvVaeModel)model, settings, device),
        _ => throw new NotSupportedException($"Image family {settings.Family} is not built yet."),
    };
}
