using KukaPortal.Ml.Images.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images.SkipGanomaly;

/// <summary>
/// One Skip-GANomaly iteration: D takes one step on real against reconstructed images, then the generator minimises
/// w_adv·L_adv + w_ctx·L_ctx + w_lat·L_lat with L_adv = BCE(D(x̂), 1), L_ctx = |x − x̂|₁ and
/// L_lat = ‖f_D(x) − f_D(x̂)‖² on D's last convolution features. Weights default to paper 004's 0.5 / 0.3 / 0.2
/// (<see cref="GanLossWeights.OriginalSkipGanomaly"/> gives 1 / 40 / 1); Adam lr 2e-4, β₁ 0.5.
/// </summary>
internal sealed class SkipGanomalyStep : IImageTrainingStep
{
    private readonly SkipGanomalyModel model;
    private readonly GanLossWeights weights;
    private readonly optim.Optimizer generatorOptimizer;
    private readonly optim.Optimizer discriminatorOptimizer;

    public SkipGanomalyStep(SkipGanomalyModel model, ImageDetectorSettings settings)
    {
        this.model = model;
        weights = settings.LossWeights ?? GanLossWeights.Paper004;
        var rate = settings.LearningRate ?? DiscriminatorUpdate.DefaultLearningRate;
        generatorOptimizer = DiscriminatorUpdate.Adam(model.Generator.parameters(), rate);
        discriminatorOptimizer = DiscriminatorUpdate.Adam(model.Discriminator.parameters(), rate);
    }

    public ImageStepResult Step(Tensor batch)
    {
        model.train();
        var discriminator = model.Discriminator;
        var reconstruction = model.Generator.forward(batch);
        var (discriminatorLoss, accuracy) = DiscriminatorUpdate.Step(discriminator, discriminatorOptimizer, batch, reconstruction);

        Tensor realFeatures;
        using (no_grad())
            realFeatures = discriminator.Features(batch);
        var fakeFeatures = discriminator.Features(reconstruction);
        var fakeLogits = discriminator.Head(fakeFeatures);
        var adversarial = nn.functional.binary_cross_entropy_with_logits(fakeLogits, ones_like(fakeLogits));
        var contextual = nn.functional.l1_loss(reconstruction, batch);
        var latent = nn.functional.mse_loss(fakeFeatures, realFeatures);
        var loss = weights.Adversarial * adversarial + weights.Contextual * contextual + weights.Latent * latent;
        generatorOptimizer.zero_grad();
        loss.backward();
        generatorOptimizer.step();

        return new ImageStepResult(contextual.item<float>(), new Dictionary<string, double>
        {
            ["adversarial"] = adversarial.item<float>(),
            ["contextual"] = contextual.item<float>(),
            ["latent"] = latent.item<float>(),
            ["generator"] = loss.item<float>(),
            ["discriminator"] = discriminatorLoss,
            ["discriminatorAccuracy"] = accuracy,
        });
    }

    // The discriminator is part of the model (its features give the latent score term).
    public IReadOnlyList<nn.Module> Opponents => [];

    public void SaveState(BinaryWriter writer)
    {
        ((OptimizerHelper)generatorOptimizer).save_state_dict(writer);
        ((OptimizerHelper)discriminatorOptimizer).save_state_dict(writer);
    }

    public void LoadState(BinaryReader reader)
    {
        ((OptimizerHelper)generatorOptimizer).load_state_dict(reader);
        ((OptimizerHelper)discriminatorOptimizer).load_state_dict(reader);
    }

    public void Dispose()
    {
        generatorOptimizer.Dispose();
        discriminatorOptimizer.Dispose();
    }
}
