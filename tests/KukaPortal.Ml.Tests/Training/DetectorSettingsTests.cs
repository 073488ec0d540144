using KukaPortal.Ml.Models;
using KukaPortal.Ml.Training;
using Shouldly;

namespace KukaPortal.Ml.Tests.Training;

public sealed class DetectorSettingsTests
{
    [Fact]
    public void Each_family_starts_from_its_papers_defaults()
    {
        var conv = DetectorSettings.For(ModelFamily.ConvAe);
        (conv.Window, conv.Latent, conv.Iterations, conv.BatchSize, conv.LearningRate, conv.EffectiveStride).ShouldBe((30, 30, 5000, 64, 1e-3, 10));
        DetectorSettings.For(ModelFamily.ConvAae).Iterations.ShouldBe(7000);
        DetectorSettings.For(ModelFamily.ConvAae).FeatureMatchingWeight.ShouldBe(1e-3);

        var dense = DetectorSettings.For(ModelFamily.DenseAae);
        (dense.Window, dense.Latent, dense.DiscriminatorLearningRate).ShouldBe((5, 32, 0.005));
        dense.LabelSmoothing.ShouldBeGreaterThan(0);

        DetectorSettings.For(ModelFamily.Pca).Window.ShouldBe(1);
    }

    [Theory]
    [InlineData(ModelFamily.ConvAe, 1, false)]
    [InlineData(ModelFamily.ConvAe, 5, true)]
    [InlineData(ModelFamily.ConvAae, 201, false)]
    [InlineData(ModelFamily.DenseAe, 1, true)]
    [InlineData(ModelFamily.Pca, 1, true)]
    [InlineData(ModelFamily.Pca, 0, false)]
    public void The_window_limits_follow_the_architecture(ModelFamily family, int window, bool valid)
    {
        var settings = DetectorSettings.For(family) with { Window = window };

        if (valid)
            settings.Validate();
        else
            Should.Throw<ArgumentOutOfRangeException>(settings.Validate).ParamName.ShouldBe("Window");
    }

    [Fact]
    public void A_negative_feature_matching_weight_or_zero_patience_is_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>((DetectorSettings.For(ModelFamily.ConvAae) with { FeatureMatchingWeight = -1 }).Validate)
            .ParamName.ShouldBe("FeatureMatchingWeight");
        Should.Throw<ArgumentOutOfRangeException>((DetectorSettings.For(ModelFamily.ConvAe) with { EarlyStoppingPatience = 0 }).Validate)
            .ParamName.ShouldBe("EarlyStoppingPatience");
    }
}
