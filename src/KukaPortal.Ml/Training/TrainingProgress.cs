namespace KukaPortal.Ml.Training;

/// <summary>
/// A progress report: <see cref="Loss"/> is the mean training MSE since the previous report,
/// <see cref="ValidationLoss"/> the MSE on (a sample of) the held-out windows in eval mode.
/// </summary>
public sealed record TrainingProgress(int Iteration, int Iterations, double Loss, double? ValidationLoss);
