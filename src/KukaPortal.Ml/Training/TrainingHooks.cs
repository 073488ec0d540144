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
}
