using KukaPortal.Ml.Images.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images.Ganomaly;

/// <summary>
/// One GANomaly iteration: the DCGAN discriminator D takes one step on real against reconstructed images, then
/// the generator (G_E, G_D, E) minimises w_adv·L_adv + w_ctx·L_ctx + w_lat·L_lat (default 1 / 50 / 1), where
/// L_adv = ‖f_D(x) − f_D(x̂)‖² is feature matching on D's last hidden features, L_ctx = |x − x̂|₁ and
/// L_lat = ‖z − ẑ‖². Owns D and both optimisers (Adam, lr 2e-4, β₁ 0.5).
/// </summary>
internal sealed class GanomalyStep : IImageTrainingStep
{
    private readonly GanomalyModel model;
    private readonly DcganEncoder discriminator;
    private readonly GanLossWeights weights;
    private readonly optim.Optimizer generatorOptimizer;
    private readonly optim.Optimizer discriminatorOptimizer;

    public GanomalyStep(GanomalyModel model, ImageDetectorSettings settings, Device device)
    {
        this.model = model;
        weights = settings.LossWeights ?? GanLossWeights.Ganomaly;
        discriminator = new DcganEncoder(settings.Channels, settings.Size, settings.EffectiveBaseWidth, outputs: 1);
        discriminator.to(device);
        var rate = settings.LearningRate ?? DiscriminatorUpdate.DefaultLearningRate;
        generatorOptimizer = DiscriminatorUpdate.Adam(model.parameters(), rate);
        discriminatorOptimizer = DiscriminatorUpdate.Adam(discriminator.parameters(), rate);
    }

    public ImageStepResult Step(Tensor batch)
    {
        model.train();
        discriminator.train();
        var (reconstruction, z, zHat) = model.Encode(batch);
        var (discriminatorLoss, accuracy) = DiscriminatorUpdate.Step(discriminator, discriminatorOptimizer, batch, reconstruction);

        Tensor realFeatures;
        using (no_grad())
            realFeatures = discriminator.Features(batch);
        var adversarial = nn.functional.mse_loss(discriminator.Features(reconstruction), realFeatures);
        var contextual = nn.functional.l1_loss(reconstruction, batch);
        var latent = nn.functional.mse_loss(zHat, z);
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

    public IReadOnlyList<nn.Module> Opponents => [discriminator];

    public void SaveState(BinaryWriter writer)
    {
        ((OptimizerHelper)generatorOptimizer).save_state_dict(writer);
        discriminator.save(writer);
        ((OptimizerHelper)discriminatorOptimizer).save_state_dict(writer);
    }

    public void LoadState(BinaryReader reader)
    {
        ((OptimizerHelper)generatorOptimizer).load_state_dict(reader);
        discriminator.load(reader);
        ((OptimizerHelper)discriminatorOptimizer).load_state_dict(reader);
    }

    public void Dispose()
    {
        generatorOptimizer.Dispose();
        discriminatorOptimizer.Dispose();
        discriminator.Dispose();
    }
}
