using static TorchSharp.torch;

namespace KukaPortal.Ml.Images;

/// <summary>
/// One training iteration of an image family: the generator update and, for adversarial families, the
/// discriminator or critic updates that precede it. Owns its optimisers and any discriminator. The trainer
/// calls it on one thread inside a dispose scope.
/// </summary>
internal interface IImageTrainingStep : IDisposable
{
    /// <param name="batch">Normal images [batch, C, H, W] in [0, 1] on the model's device.</param>
    ImageStepResult Step(Tensor batch);

    /// <summary>Writes what a resumed run needs besides the model's weights: optimiser moments, discriminators.</summary>
    void SaveState(BinaryWriter writer);

    /// <summary>Restores what <see cref="SaveState"/> wrote, into a step built with the same settings.</summary>
    void LoadState(BinaryReader reader);
}

/// <summary>
/// What one iteration did: <see cref="Reconstruction"/> is the batch's mean absolute error |x − x̂| (comparable
/// across families, the loss curve the portal draws); <see cref="Losses"/> names every loss term the
/// family optimised this step (e.g. "adversarial", "contextual", "latent", "discriminator", "kl"), and
/// adversarial families add "discriminatorAccuracy" (share of real and fake classified right).
/// </summary>
internal sealed record ImageStepResult(double Reconstruction, IReadOnlyDictionary<string, double> Losses);
