using static TorchSharp.torch;

namespace KukaPortal.Ml.Training;

/// <summary>
/// One training iteration of a gradient-trained family: plain reconstruction for the autoencoders, a
/// discriminator update followed by a generator update for the adversarial ones. Owns its optimisers
/// (and, when adversarial, its discriminator). The trainer calls it on one thread inside a dispose scope.
/// </summary>
internal interface ITrainingStep : ICheckpointedStep, IDisposable
{
    /// <param name="batch">Normal windows [batch, C, W] in preprocessed units, on the model's device.</param>
    StepResult Step(Tensor batch);
}

/// <summary>
/// What one iteration did: <see cref="Loss"/> is the reconstruction MSE ‖x − x'‖² of the batch (comparable
/// across families); <see cref="Discriminator"/> is set for adversarial training only.
/// </summary>
internal sealed record StepResult(double Loss, DiscriminatorStep? Discriminator = null);

/// <param name="Loss">The discriminator's loss, −mean[log D(x) + log(1 − D(x'))] (plus penalties).</param>
/// <param name="AccuracyReal">Share of the batch's real windows D scored above 0.5.</param>
/// <param name="AccuracyFake">Share of the batch's reconstructions D scored below 0.5.</param>
/// <param name="Reinitialised">D's loss collapsed below the limit and D was re-initialised (BeatGAN's remedy).</param>
internal sealed record DiscriminatorStep(double Loss, double AccuracyReal, double AccuracyFake, bool Reinitialised);
