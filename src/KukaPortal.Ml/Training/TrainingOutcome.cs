namespace KukaPortal.Ml.Training;

/// <summary>
/// Where fitting ended: the last reported losses, how many iterations ran, the discriminator's last report,
/// and the checkpoint iteration the run continued from if an earlier attempt was interrupted.
/// </summary>
internal sealed record TrainingOutcome(double Loss, double? ValidationLoss, int IterationsRun, bool StoppedEarly,
    DiscriminatorProgress? Discriminator = null, int? ResumedFromIteration = null);
