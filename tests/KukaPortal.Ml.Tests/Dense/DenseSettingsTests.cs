using KukaPortal.Ml.Models;
using KukaPortal.Ml.Training;
using Shouldly;

namespace KukaPortal.Ml.Tests.Dense;

public sealed class DenseSettingsTests
{
    [Fact]
    public void Dense_families_accept_any_window_from_one_and_pca_the_conv_limits()
    {
        foreach (var family in new[] { ModelFamily.DenseAe, ModelFamily.DenseAeBn, ModelFamily.DenseAae })
        {
            DetectorSettings.For(family).Window.ShouldBe(5);
            DetectorSettings.For(family).Latent.ShouldBe(32);
            (DetectorSettings.For(family) with { Window = 1 }).Validate();
            Should.Throw<ArgumentOutOfRangeException>(() => (DetectorSettings.For(family) with { Window = 0 }).Validate());
        }
        DetectorSettings.For(ModelFamily.Pca).Validate();
        Should.Throw<ArgumentOutOfRangeException>(() => (DetectorSettings.For(ModelFamily.Pca) with { PcaVariance = 0 }).Validate());
    }

    [Fact]
    public void A_dense_detector_trains_on_windows_of_one_row()
    {
        var settings = DetectorSettings.For(ModelFamily.DenseAe) with { Window = 1, Iterations = 20, BatchSize = 16, ProgressInterval = 10 };

        using var detector = DetectorTrainer.Train(SyntheticSeries.Normal(300, seed: 2), settings, TorchSharp.torch.CPU, ct: TestContext.Current.CancellationToken);

        detector.Window.ShouldBe(1);
        detector.ScoreBatches(SyntheticSeries.Normal(50, seed: 3), ct: TestContext.Current.CancellationToken).SelectMany(b => b).Count().ShouldBe(50);
    }
}
