namespace KukaPortal.Ml.Images;

/// <summary>
/// A progress report of image training, averaged over the iterations since the previous report:
/// <see cref="Reconstruction"/> is the mean |x − x̂| of the training batches (the curve the portal draws for every
/// family), <see cref="Losses"/> every loss the family optimised (and "discriminatorAccuracy" for adversarial ones),
/// <see cref="Remaining"/> the estimated time left at the pace so far.
/// </summary>
public sealed record ImageTrainingProgress(int Iteration, int Iterations, double Reconstruction,
    IReadOnlyDictionary<string, double> Losses, TimeSpan Remaining);
