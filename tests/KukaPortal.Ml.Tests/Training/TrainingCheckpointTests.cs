using KukaPortal.Ml.Models;
using KukaPortal.Ml.Training;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Training;

/// <summary>A run interrupted after a checkpoint continues from it and ends where an uninterrupted run ends.</summary>
public sealed class TrainingCheckpointTests
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

    [Theory]
    [InlineData(ModelFamily.ConvAe)]
    [InlineData(ModelFamily.ConvAae)]
    public void A_resumed_run_continues_from_its_checkpoint_and_matches_an_uninterrupted_run(ModelFamily family)
    {
        var settings = Tiny with { Family = family };
        var normal = SyntheticSeries.Normal(800, seed: 5);
        var checkpoints = new List<TrainingCheckpoint>();
        using var uninterrupted = DetectorTrainer.Train(normal, settings, CPU, ct: Ct,
            hooks: new TrainingHooks { CheckpointEvery = 20, OnCheckpoint = checkpoints.Add });
        checkpoints.Select(c => c.Iteration).ShouldBe([20, 40]);

        var resumedFrom = RoundTrip(checkpoints[1]);
        var steps = 0;
        using var resumed = DetectorTrainer.Train(normal, settings, CPU, ct: Ct,
            hooks: new TrainingHooks { ResumeFrom = resumedFrom, BetweenSteps = () => steps++ });

        steps.ShouldBe(20);
        resumed.Threshold.ShouldBe(uninterrupted.Threshold, tolerance: 1e-9);
        var a = uninterrupted.Model.state_dict();
        var b = resumed.Model.state_dict();
        a.Keys.ShouldAllBe(k => a[k].allclose(b[k], 1e-5, 1e-7, false));
    }

    [Fact]
    public void A_checkpoint_of_other_settings_is_ignored_and_training_starts_from_the_beginning()
    {
        var normal = SyntheticSeries.Normal(800, seed: 5);
        TrainingCheckpoint? checkpoint = null;
        using (DetectorTrainer.Train(normal, Tiny, CPU, ct: Ct, hooks: new TrainingHooks { CheckpointEvery = 40, OnCheckpoint = c => checkpoint = c })) { }

        var steps = 0;
        using var other = DetectorTrainer.Train(normal, Tiny with { Seed = 8 }, CPU, ct: Ct,
            hooks: new TrainingHooks { ResumeFrom = checkpoint, BetweenSteps = () => steps++ });

        steps.ShouldBe(Tiny.Iterations);
    }

    [Fact]
    public void A_truncated_checkpoint_file_reads_as_none()
    {
        var normal = SyntheticSeries.Normal(800, seed: 5);
        TrainingCheckpoint? checkpoint = null;
        using (DetectorTrainer.Train(normal, Tiny, CPU, ct: Ct, hooks: new TrainingHooks { CheckpointEvery = 40, OnCheckpoint = c => checkpoint = c })) { }
        using var full = new MemoryStream();
        checkpoint!.WriteTo(full);

        var truncated = new MemoryStream(full.ToArray()[..(int)(full.Length / 2)]);

        TrainingCheckpoint.ReadFrom(truncated).ShouldBeNull();
    }

    [Fact]
    public void A_checkpoint_of_format_version_1_reads_as_none()
    {
        // Version 1 had no random-generator state; reading its payload as version 2 would misplace every field.
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("KPCK");
            writer.Write(1);
            writer.Write(20);
            writer.Write("fingerprint");
            writer.Write(0);
        }
        stream.Position = 0;

        TrainingCheckpoint.ReadFrom(stream).ShouldBeNull();
    }

    private static TrainingCheckpoint RoundTrip(TrainingCheckpoint checkpoint)
    {
        using var stream = new MemoryStream();
        checkpoint.WriteTo(stream);
        stream.Position = 0;
        return TrainingCheckpoint.ReadFrom(stream)!;
    }
}
