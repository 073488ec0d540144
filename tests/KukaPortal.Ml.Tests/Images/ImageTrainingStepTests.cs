using KukaPortal.Ml.Images;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Images;

public sealed class ImageTrainingStepTests
{
    [Theory]
    [MemberData(nameof(TinyImageSettings.Families), MemberType = typeof(TinyImageSettings))]
    public void One_step_changes_the_weights_and_reports_finite_losses(ImageModelFamily family)
    {
        manual_seed(2);
        var settings = TinyImageSettings.For(family, channels: 3);
        using var model = ImageModelCatalog.CreateModel(settings);
        using var step = ImageModelCatalog.CreateStep(settings, model, CPU);
        var before = Snapshot(model);
        using var scope = NewDisposeScope();

        var result = step.Step(rand(8, 3, 32, 32));

        result.Reconstruction.ShouldBeGreaterThan(0);
        double.IsFinite(result.Reconstruction).ShouldBeTrue();
        result.Losses.ShouldNotBeEmpty();
        result.Losses.Values.ShouldAllBe(v => double.IsFinite(v));
        Snapshot(model).Where(p => !before[p.Key].SequenceEqual(p.Value)).ShouldNotBeEmpty();
        if (family != ImageModelFamily.ConvAe2d)
        {
            result.Losses["discriminatorAccuracy"].ShouldBeInRange(0, 1);
            result.Losses.Keys.ShouldContain("adversarial");
            result.Losses.Keys.ShouldContain("latent");
        }
    }

    private static Dictionary<string, float[]> Snapshot(TorchSharp.torch.nn.Module module) =>
        module.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().cpu().data<float>().ToArray());
}
