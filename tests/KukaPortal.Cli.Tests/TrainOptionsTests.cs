using System.Text.Json;
using KukaPortal.Core.Preprocessing;
using KukaPortal.Ml.Scoring;

namespace KukaPortal.Cli.Tests;

/// <summary>The hyperparameter options of train reach the artifact, and bad values are refused before training.</summary>
public sealed class TrainOptionsTests(GeneratedRecordingsFixture fixture) : IClassFixture<GeneratedRecordingsFixture>
{
    [Fact]
    public async Task Scaler_and_early_stopping_end_up_in_the_model_file()
    {
        var model = fixture.File("robust.kpm");

        var run = await Cli.RunAsync("train", "--normal", fixture.NormalNpy, "--model", "conv-ae", "--window", "30", "--latent", "8",
            "--width", "4", "--iterations", "60", "--batch", "32", "--scaler", "robust", "--early-stopping", "1", "--seed", "3",
            "--device", "cpu", "--out", model);

        run.ExitCode.ShouldBe(0, run.ToString());
        using var detector = Detector.Load(model);
        detector.Metadata.Preprocessing.Scaler.Kind.ShouldBe(ScalerKind.Robust);
        detector.Metadata.Training.IterationsRun.ShouldBeInRange(1, 60);
        detector.Metadata.Hyperparameters.GetProperty("earlyStoppingPatience").GetInt32().ShouldBe(1);
        if (detector.Metadata.Training.StoppedEarly)
            run.Output.ShouldContain($"Early stopping cut in after {detector.Metadata.Training.IterationsRun} of 60 iterations");
        else
            detector.Metadata.Training.IterationsRun.ShouldBe(60);
    }

    [Fact]
    public async Task An_unknown_scaler_is_a_usage_error_naming_the_valid_ones()
    {
        var run = await Cli.RunAsync("train", "--normal", fixture.NormalNpy, "--scaler", "zscore", "--out", fixture.File("never.kpm"));

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.Trim().ShouldBe("Scaler 'zscore' is unknown; available: minmax, standard, robust, maxabs, power, quantile, yeo-johnson, quantile-uniform, quantile-normal.");
    }

    [Theory]
    [InlineData("--lambda", "-1", "λ must be 0 or more.")]
    [InlineData("--r1", "-0.5", "The R1 weight γ must be 0 or more.")]
    [InlineData("--early-stopping", "0", "Early stopping needs a patience")]
    [InlineData("--pca-variance", "1.5", "The PCA variance to keep is a fraction in (0, 1].")]
    public async Task Out_of_range_hyperparameters_are_usage_errors(string option, string value, string message)
    {
        var run = await Cli.RunAsync("train", "--normal", fixture.NormalNpy, option, value, "--out", fixture.File("never.kpm"));

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain(message);
        File.Exists(fixture.File("never.kpm")).ShouldBeFalse();
    }
}
