using KukaPortal.Ml.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images;

/// <summary>
/// One training iteration of an image family: the generator update and, for adversarial families, the
/// discriminator or critic updates that precede it. Owns its optimisers and any discriminator. The trainer
/// calls it on one thread inside a dispose scope.
/// </summary>
internal interface IImageTrainingStep : ICheckpointedStep, IDisposable
{
    /// <param name="batch">Normal images [batch, C, H, W] in [0, 1] on the model's device.</param>
    ImageStepResult Step(Tensor batch);

    /// <summary>
    /// The modules the step owns besides the model (discriminators, critics): the trainer checks them for NaN with the
    /// model, so a report never passes a broken opponent on as the last good state.
    /// </summary>
    IReadOnlyList<nn.Module> Opponents { get; }
}

/// <summary>
/// What one iteration did: <see cref="Reconstruction"/> is the batch's mean absolute error |x − x̂| (comparable
/// across families, the loss curve the portal draws); <see cref="Losses"/> names every loss term the
/// family optimised this step (e.g. "adversarial", "contextual", "latent", "discriminator", "kl"), and
/// adversarial families add "discriminatorAccuracy" (share of real and fake classified right).
/// </summary>
internal sealed record ImageStepResult(double Reconstruction, IReadOnlyDictionary<string, double> Losses);
