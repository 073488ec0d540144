namespace KukaPortal.Ml.Training;

/// <summary>Where fitting ended: the last reported losses, how many iterations ran, and the discriminator's last report.</summary>
internal sealed record TrainingOutcome(double Loss, double? ValidationLoss, int IterationsRun, bool StoppedEarly,
    DiscriminatorProgress? Discriminator = null);
