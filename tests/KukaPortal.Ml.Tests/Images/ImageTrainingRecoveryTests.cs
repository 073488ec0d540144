using KukaPortal.Ml.Images;
using KukaPortal.Ml.Training;
using Shouldly;
using static KukaPortal.Ml.Tests.Images.ResumableImageRuns;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Images;

/// <summary>
/// Image weights that turn NaN mid-run (as a garbage scalar from the torch runtime makes them) send the run back to its
/// last good report, and the replay ends exactly where an undisturbed run ends; a run that keeps diverging stops with
/// a clear error instead of saving a model that scores NaN.
/// </summary>
public sealed class ImageTrainingRecoveryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(ImageModelFamily.ConvAe2d)]
    [InlineData(ImageModelFamily.Ganomaly)]
    [InlineData(ImageModelFamily.CvaeGan)]
    public void Weights_poisoned_once_are_replaced_by_the_last_good_state_and_the_replay_matches_an_undisturbed_run(ImageModelFamily family)
    {
        using var undisturbed = Train(family, poisonAfterStep: null, out var undisturbedSteps);
        using var poisoned = Train(family, poisonAfterStep: 7, out var poisonedSteps);

        undisturbedSteps.ShouldBe(20);
        // Poisoned after step 7, found at the report of 10, back to the report of 5: steps 6–10 run twice.
        poisonedSteps.ShouldBe(25);
        ShouldHaveIdenticalState(poisoned, undisturbed);
    }

    [Fact]
    public void A_run_whose_weights_keep_turning_nan_stops_with_a_clear_error()
    {
        var error = Should.Throw<TrainingDivergedException>(() => Train(ImageModelFamily.ConvAe2d, poisonAfterStep: 0, out _).Dispose());

        error.Message.ShouldStartWith("Training diverged: the loss or the weights became NaN or infinite 6 times");
    }

    /// <summary>Trains through the image loop as <see cref="ImageTrainer"/> does; <paramref name="poisonAfterStep"/> 0 poisons after every step.</summary>
    private static ImageModel Train(ImageModelFamily family, int? poisonAfterStep, out int steps)
    {
        var settings = Settings(family);
        var split = ImageHoldOut.Of(Normal.Length, settings.HeldOutFraction, settings.Seed);
        manual_seed(settings.Seed);
        var model = ImageModelCatalog.CreateModel(settings);
        var count = 0;
        try
        {
            ImageTrainingLoop.Run(model, Normal, split, settings, CPU, onProgress: null, Ct, new TrainingHooks
            {
                BetweenSteps = () =>
                {
                    count++;
                    if (poisonAfterStep == 0 || count == poisonAfterStep)
                        Poison(model);
                },
            }, runFingerprint: "");
        }
        catch
        {
            model.Dispose();
            throw;
        }
        steps = count;
        return model;
    }

    private static void Poison(ImageModel model)
    {
        using var noGrad = no_grad();
        model.parameters().First().fill_(float.NaN);
    }
}
