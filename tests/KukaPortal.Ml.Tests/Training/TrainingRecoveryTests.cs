using KukaPortal.Core.Preprocessing;
using KukaPortal.Core.Series;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Training;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Training;

/// <summary>
/// Weights that turn NaN mid-run (as a garbage scalar from the torch runtime makes them) send the run back to its last
/// good report, and the replay ends exactly where an undisturbed run ends; a run that keeps diverging stops with a clear
/// error instead of saving a model that scores NaN.
/// </summary>
public sealed class TrainingRecoveryTests
{
    private static readonly DetectorSettings Tiny = new()
    {
        Window = 12,
        Latent = 4,
        BaseWidth = 2,
        Iterations = 60,
        BatchSize = 16,
        Seed = 7,
        ProgressInterval = 10,
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Weights_poisoned_once_are_replaced_by_the_last_good_state_and_the_replay_matches_an_undisturbed_run()
    {
        var (scaled, split) = Data();
        using var undisturbed = Train(scaled, split, poisonAfterStep: null, out var undisturbedSteps);
        using var poisoned = Train(scaled, split, poisonAfterStep: 25, out var poisonedSteps);

        undisturbedSteps.ShouldBe(60);
        // Poisoned after step 25, found at the report of 30, back to the report of 20: steps 21–30 run twice.
        poisonedSteps.ShouldBe(70);
        var a = undisturbed.state_dict();
        var b = poisoned.state_dict();
        a.Keys.ShouldAllBe(k => a[k].allclose(b[k], 1e-5, 1e-7, false));
    }

    [Fact]
    public void A_run_whose_weights_keep_turning_nan_stops_with_a_clear_error()
    {
        var (scaled, split) = Data();

        var error = Should.Throw<TrainingDivergedException>(() => Train(scaled, split, poisonAfterStep: 0, out _).Dispose());

        error.Message.ShouldStartWith("Training diverged: the loss or the weights became NaN or infinite 6 times");
    }

    private static (TimeSeries Scaled, HoldOutSplit Split) Data()
    {
        var normal = SyntheticSeries.Normal(800, seed: 5);
        var split = HoldOutSplit.Of(normal.Rows, Tiny.Window, Tiny.EffectiveStride, Tiny.ValidationFraction);
        return (PreprocessingPipeline.Fit(normal).Transform(normal), split);
    }

    /// <summary>Trains through the shared loop; <paramref name="poisonAfterStep"/> 0 poisons after every step.</summary>
    private static WindowModel Train(TimeSeries scaled, HoldOutSplit split, int? poisonAfterStep, out int steps)
    {
        var settings = Tiny with { Family = ModelFamily.ConvAe, Stride = Tiny.EffectiveStride };
        manual_seed(settings.Seed);
        var model = ModelCatalog.Create(settings, scaled.ChannelCount);
        var count = 0;
        try
        {
            GradientTraining.Run(model, settings, scaled, split, CPU, onProgress: null, Ct, new TrainingHooks
            {
                BetweenSteps = () =>
                {
                    count++;
                    if (poisonAfterStep == 0 || count == poisonAfterStep)
                        Poison(model);
                },
            });
        }
        catch
        {
            model.Dispose();
            throw;
        }
        steps = count;
        return model;
    }

    private static void Poison(WindowModel model)
    {
        using var noGrad = no_grad();
        model.parameters().First().fill_(float.NaN);
    }
}
