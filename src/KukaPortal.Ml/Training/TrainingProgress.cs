namespace KukaPortal.Ml.Training;

/// <summary>
/// A progress report: <see cref="Loss"/> is the mean training reconstruction MSE since the previous report,
/// <see cref="ValidationLoss"/> the MSE on (a sample of) the held-out windows in eval mode, and
/// <see cref="Discriminator"/> how the adversarial game went since the previous report (adversarial families only).
/// </summary>
public sealed record TrainingProgress(int Iteration, int Iterations, double Loss, double? ValidationLoss,
    DiscriminatorProgress? Discriminator = null);

/// <summary>
/// The discriminator since the previous report: mean loss and accuracy on real windows and on
/// reconstructions (both near 1 means D wins, both near 0.5 a balanced game), and how often it has been
/// re-initialised since training began.
/// </summary>
public sealed record DiscriminatorProgress(double Loss, double AccuracyReal, double AccuracyFake, int Reinitialisations);
