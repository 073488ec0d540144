using KukaPortal.Core.Images;
using KukaPortal.Ml.Images;
using KukaPortal.Ml.Training;
using Shouldly;
using static KukaPortal.Ml.Tests.Images.ResumableImageRuns;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Images;

/// <summary>
/// An image run stopped after a checkpoint continues from it and ends with exactly the weights of an uninterrupted run —
/// for every family, so every step's saved state (optimisers, discriminators, critics, phase counters) is complete.
/// </summary>
public sealed class ImageTrainingCheckpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(EveryStep), MemberType = typeof(ResumableImageRuns))]
    public void A_run_stopped_at_a_checkpoint_and_resumed_ends_with_the_weights_of_an_uninterrupted_run(ImageModelFamily family)
    {
        var settings = Settings(family);
        using var uninterrupted = ImageTrainer.Train(Normal, settings, CPU, ct: Ct);

        var checkpoint = CheckpointOfStoppedRun(settings, stopAt: 10);
        var steps = 0;
        using var resumed = ImageTrainer.Train(Normal, settings, CPU, ct: Ct,
            hooks: new TrainingHooks { ResumeFrom = checkpoint, BetweenSteps = () => steps++ });

        steps.ShouldBe(10);
        resumed.Metadata.Training.ResumedFromIteration.ShouldBe(10);
        uninterrupted.Metadata.Training.ResumedFromIteration.ShouldBeNull();
        ShouldHaveIdenticalState(resumed.Model, uninterrupted.Model);
        resumed.Threshold.ShouldBe(uninterrupted.Threshold);
    }

    [Fact]
    public void Checkpoints_are_taken_at_every_interval_but_the_last_iteration()
    {
        var iterations = new List<int>();

        using (ImageTrainer.Train(Normal, Settings(ImageModelFamily.ConvAe2d), CPU, ct: Ct,
                   hooks: new TrainingHooks { CheckpointEvery = 10, OnCheckpoint = c => iterations.Add(c.Iteration) })) { }

        iterations.ShouldBe([10]);
    }

    [Fact]
    public void A_checkpoint_of_other_settings_or_other_images_is_ignored_and_training_starts_from_the_beginning()
    {
        var settings = Settings(ImageModelFamily.ConvAe2d);
        var checkpoint = CheckpointOfStoppedRun(settings, stopAt: 10);
        var otherImages = SyntheticImages.Normal(20, 32, 1, seed: 5);

        StepsWhenResumed(Normal, settings with { Seed = 8 }, checkpoint).ShouldBe(settings.Iterations);
        StepsWhenResumed(Normal, settings with { BaseWidth = 4 }, checkpoint).ShouldBe(settings.Iterations);
        StepsWhenResumed(otherImages, settings, checkpoint).ShouldBe(settings.Iterations);
        StepsWhenResumed(Normal, settings, checkpoint).ShouldBe(10); // the same run does resume
    }

    /// <summary>Trains until the checkpoint at <paramref name="stopAt"/>, then cancels as a shutdown would; returns the checkpoint as stored and read back.</summary>
    private static TrainingCheckpoint CheckpointOfStoppedRun(ImageDetectorSettings settings, int stopAt)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        TrainingCheckpoint? stored = null;
        var hooks = new TrainingHooks
        {
            CheckpointEvery = stopAt,
            OnCheckpoint = checkpoint =>
            {
                stored = StoredAndReadBack(checkpoint);
                stop.Cancel();
            },
        };

        Should.Throw<OperationCanceledException>(() => ImageTrainer.Train(Normal, settings, CPU, ct: stop.Token, hooks: hooks).Dispose());

        stored.ShouldNotBeNull().Iteration.ShouldBe(stopAt);
        return stored;
    }

    private static int StepsWhenResumed(PlanarImage[] images, ImageDetectorSettings settings, TrainingCheckpoint checkpoint)
    {
        var steps = 0;
        using (ImageTrainer.Train(images, settings, CPU, ct: Ct, hooks: new TrainingHooks { ResumeFrom = checkpoint, BetweenSteps = () => steps++ })) { }
        return steps;
    }

    private static TrainingCheckpoint StoredAndReadBack(TrainingCheckpoint checkpoint)
    {
        using var stream = new MemoryStream();
        checkpoint.WriteTo(stream);
        stream.Position = 0;
        return TrainingCheckpoint.ReadFrom(stream).ShouldNotBeNull();
    }
}
