using KukaPortal.Ml.Models;
using KukaPortal.Ml.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Adversarial;

/// <summary>
/// One iteration of paper 000's adversarial autoencoder (after BeatGAN) against any <see cref="Discriminator"/>:
/// on one batch of normal windows x, update D, re-initialise D if its loss collapsed, then update the
/// generator G (the autoencoder). Owns D and both Adam optimisers.
/// <list type="bullet">
/// <item>D minimises BCE(D(x), 1 − smoothing) + BCE(D(x'), 0), the numerically stable form of maximising
/// L_D = mean[log D(x) + log(1 − D(x'))], plus the R1 penalty (γ/2)·E‖∇ₓD(x)‖² on the real batch.</item>
/// <item>G minimises ‖x − x'‖² + λ‖f_D(x) − f_D(x')‖² (means over elements), f_D being D's last hidden features.</item>
/// </list>
/// <para>
/// x' = G(x) is computed once per iteration, in train mode, and serves both updates (detached for D's). G is
/// unchanged between them, so a second forward pass (as BeatGAN does) would give the same x' but would move G's
/// BatchNorm running statistics twice per batch; with one pass they advance at the plain autoencoder's pace.
/// </para>
/// <para>
/// f_D(x) of the real batch is detached (computed under no_grad): it does not depend on G, so G's gradient is the
/// same either way, and D is not stepped in the generator update, so a graph through the real pass would only
/// cost time. D's parameters are frozen during that pass for the same reason. D stays in train mode throughout,
/// as in BeatGAN, so each pass normalises with its own batch's statistics, in the feature matching as in
/// D's update; D's running statistics are never used because D never scores.
/// </para>
/// <para>
/// Both optimisers use Adam with β₁ = 0.5, DCGAN's (and BeatGAN's) setting for the adversarial game; the default
/// β₁ = 0.9 carries momentum across the opponent's moves and makes the game oscillate.
/// </para>
/// <para>
/// Cost: an iteration runs G once and D four times (two passes for its update, two for the feature matching)
/// plus the R1 double backward: about 3× a plain autoencoder iteration with R1, 2× without (measured on CPU).
/// </para>
/// </summary>
internal sealed class AdversarialStep : ITrainingStep
{
    /// <summary>BeatGAN re-initialises D when its loss falls below this: D then separates real from fake perfectly and gives G no useful gradient.</summary>
    public const double CollapseLimit = 5e-6;

    private const double Beta1 = 0.5;
    private const double Beta2 = 0.999;

    private readonly WindowModel generator;
    private readonly Discriminator discriminator;
    private readonly DetectorSettings settings;
    private readonly double collapseLimit;
    private readonly optim.Optimizer generatorOptimizer;
    private optim.Optimizer discriminatorOptimizer;

    /// <param name="generator">The autoencoder, already on the device.</param>
    /// <param name="discriminator">D on the same device; this step owns and disposes it.</param>
    /// <param name="collapseLimit">Tests raise it to trigger the re-initialisation on demand.</param>
    public AdversarialStep(WindowModel generator, Discriminator discriminator, DetectorSettings settings, double collapseLimit = CollapseLimit)
    {
        this.generator = generator;
        this.discriminator = discriminator;
        this.settings = settings;
        this.collapseLimit = collapseLimit;
        generatorOptimizer = optim.Adam(generator.parameters(), settings.LearningRate, Beta1, Beta2);
        discriminatorOptimizer = NewDiscriminatorOptimizer();
    }

    public Discriminator Discriminator => discriminator;

    public StepResult Step(Tensor batch)
    {
        generator.train();
        discriminator.train();
        var reconstruction = generator.forward(batch);

        var d = UpdateDiscriminator(batch, reconstruction.detach());
        var reinitialised = d.ClassificationLoss < collapseLimit;
        if (reinitialised)
            Reinitialise();

        var mse = UpdateGenerator(batch, reconstruction);
        return new StepResult(mse, new DiscriminatorStep(d.ClassificationLoss + d.Penalty, d.AccuracyReal, d.AccuracyFake, reinitialised));
    }

    private DiscriminatorUpdate UpdateDiscriminator(Tensor batch, Tensor fake)
    {
        using var scope = NewDisposeScope();
        var withPenalty = settings.R1Weight > 0;
        var real = batch.detach().requires_grad_(withPenalty);
        var realLogits = discriminator.forward(real);
        var fakeLogits = discriminator.forward(fake);

        var classification =
            nn.functional.binary_cross_entropy_with_logits(realLogits, full_like(realLogits, 1 - settings.LabelSmoothing))
            + nn.functional.binary_cross_entropy_with_logits(fakeLogits, zeros_like(fakeLogits));
        var penalty = R1Penalty.Of(realLogits, real, settings.R1Weight);

        discriminatorOptimizer.zero_grad();
        (classification + penalty).backward();
        discriminatorOptimizer.step();

        return new DiscriminatorUpdate(
            classification.item<float>(),
            penalty.item<float>(),
            realLogits.detach().gt(0).to_type(ScalarType.Float32).mean().item<float>(),
            fakeLogits.detach().lt(0).to_type(ScalarType.Float32).mean().item<float>());
    }

    private double UpdateGenerator(Tensor batch, Tensor reconstruction)
    {
        using var scope = NewDisposeScope();
        var reconstructionLoss = nn.functional.mse_loss(reconstruction, batch);
        var loss = reconstructionLoss;
        if (settings.FeatureMatchingWeight > 0)
        {
            SetTrainable(discriminator, false);
            try
            {
                Tensor realFeatures;
                using (no_grad())
                    realFeatures = discriminator.Evaluate(batch).Features;
                var fakeFeatures = discriminator.Evaluate(reconstruction).Features;
                loss = reconstructionLoss + settings.FeatureMatchingWeight * nn.functional.mse_loss(fakeFeatures, realFeatures);
            }
            finally
            {
                SetTrainable(discriminator, true);
            }
        }

        generatorOptimizer.zero_grad();
        loss.backward();
        generatorOptimizer.step();
        return reconstructionLoss.item<float>();
    }

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

    /// <summary>Fresh weights for D and a fresh optimiser, whose moment estimates belonged to the old D.</summary>
    private void Reinitialise()
    {
        discriminator.Reinitialise();
        discriminatorOptimizer.Dispose();
        discriminatorOptimizer = NewDiscriminatorOptimizer();
    }

    private optim.Optimizer NewDiscriminatorOptimizer() =>
        optim.Adam(discriminator.parameters(), settings.DiscriminatorLearningRate, Beta1, Beta2);

    private static void SetTrainable(nn.Module module, bool trainable)
    {
        foreach (var parameter in module.parameters())
            parameter.requires_grad = trainable;
    }

    public void Dispose()
    {
        generatorOptimizer.Dispose();
        discriminatorOptimizer.Dispose();
        discriminator.Dispose();
    }

    /// <param name="ClassificationLoss">The BCE part, −L_D: what collapses when D separates perfectly.</param>
    /// <param name="Penalty">The R1 term.</param>
    private readonly record struct DiscriminatorUpdate(double ClassificationLoss, double Penalty, double AccuracyReal, double AccuracyFake);
}
