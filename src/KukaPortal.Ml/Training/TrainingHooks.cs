namespace KukaPortal.Ml.Training;

/// <summary>
/// How a host takes part in a training run without the trainer knowing about it: work to run between
/// steps on the training thread (the portal runs waiting live scoring there, so training never starves
/// it), and checkpoints so an interrupted run continues where it stopped instead of starting again.
/// </summary>
public sealed record TrainingHooks
{
    /// <summary>Called on the training thread after every step, outside the step's dispose scope.</summary>
    public Action? BetweenSteps { get; init; }

    /// <summary>Take a checkpoint at every progress report whose iteration is a multiple of this; 0 = never.</summary>
    public int CheckpointEvery { get; init; }

    /// <summary>Receives each checkpoint; the host stores it where a retry of the run will find it.</summary>
    public Action<TrainingCheckpoint>? OnCheckpoint { get; init; }

    /// <summary>
    /// A checkpoint of an earlier attempt of this run. It is used only if it was taken with the same
    /// settings and training data; otherwise training starts from the beginning.
    /// </summary>
    public TrainingCheckpoint? ResumeFrom { get; init; }

    /// <summary><see cref="ResumeFrom"/> if it belongs to this run (same fingerprint) and still has iterations left to run.</summary>
    internal TrainingCheckpoint? ResumableFrom(string runFingerprint, int iterations) =>
        ResumeFrom is { } resume && resume.RunFingerprint == runFingerprint && resume.Iteration < iterations ? resume : null;

    /// <summary>Hands <paramref name="state"/> to <see cref="OnCheckpoint"/> if a checkpoint is due at this report (never at the last one).</summary>
    internal void OfferCheckpoint(TrainingCheckpoint state, int iterations)
    {
        if (CheckpointEvery > 0 && OnCheckpoint is { } save && state.Iteration % CheckpointEvery == 0 && state.Iteration < iterations)
            save(state);
    }
}
