using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images.CvaeGan;

/// <summary>
/// One CVAE-GAN iteration (paper 003) on a batch of normal images x. Owns the WGAN-GP critic, the feature
/// discriminator and the two Adam optimisers (lr 1e-3 unless set, β₁ 0.5, β₂ 0.999, the paper's values).
/// <list type="number">
/// <item>The CVAE encodes x (features f, posterior N(μ, σ²)), samples z and decodes x̂ once, with its graph.</item>
/// <item>The critic takes <see cref="CvaeGanOptions.CriticSteps"/> updates on L_D = D(x̂) − D(x) + 10·GP
/// (x̂ detached; WGAN-GP's λ = 10).</item>
/// <item>The CVAE (with FD) takes one update on
/// 50·(−log((1 + SSIM)/2)) + 10·L1 + 10·L_MI + 5·L_latent + 1·L_cat − D(x̂) [+ L_neg].</item>
/// </list>
/// <para>
/// Paper 003's Algorithm 1 interleaves separate CVAE updates for each loss between the critic updates; here the
/// weighted losses form one update after the critic's, as in every other adversarial step of this code base,
/// with the paper's weights. The SSIM loss is −log((1 + SSIM)/2) rather than −log SSIM: SSIM lies in [−1, 1],
/// and early reconstructions with SSIM ≤ 0 would make the plain log undefined; both are 0 at SSIM = 1.
/// </para>
/// <para>
/// L_latent = E Σ_y p(y|z)·KL(N(μ, σ²) ‖ N(u_y, I)) (per latent dimension), L_cat = cross-entropy of p(y|z)
/// against the nearest mean (no labels exist), L_MI = the feature discriminator's JS loss.
/// </para>
/// <para>
/// Active negative training, once L_latent &lt; T: codes more than 2 per dimension from every mean are decoded
/// into potential outliers x_o (no gradient), the CVAE reconstructs them, and L_neg = mean max(0, SSIM(x_o,
/// CVAE(x_o))) is minimised, so the CVAE learns not to reproduce what lies off the normal manifold (the paper:
/// negative training "increases the reconstruction losses of potential outliers"). SSIM, being bounded, cannot
/// be driven to infinity the way a maximised L1 could; the pass runs in eval mode so the outliers leave the
/// BatchNorm running statistics, which scoring uses, to the normal images.
/// </para>
/// </summary>
internal sealed class CvaeGanStep : IImageTrainingStep
{
    public const double DefaultLearningRate = 1e-3;
    private const double Beta1 = 0.5;
    private const double Beta2 = 0.999;
    private const double PenaltyWeight = 10;
    private const double SsimWeight = 50;
    private const double L1Weight = 10;
    private const double MutualInformationWeight = 10;
    private const double LatentWeight = 5;
    private const double CategoricalWeight = 1;
    private const double AdversarialWeight = 1;
    private const double NegativeWeight = 1;

    private readonly CvaeGanModel model;
    private readonly CvaeGanOptions options;
    private readonly ConvCritic critic;
    private readonly FeatureDiscriminator featureDiscriminator;
    private readonly optim.Optimizer generatorOptimizer;
    private readonly optim.Optimizer criticOptimizer;

    public CvaeGanStep(CvaeGanModel model, ImageDetectorSettings settings, Device device)
    {
        this.model = model;
        options = settings.CvaeGan ?? new CvaeGanOptions();
        options.Validate();
        critic = new ConvCritic(model.Size, model.Channels, model.BaseWidth).to(device);
        featureDiscriminator = new FeatureDiscriminator(model.FeatureChannels, model.Latent).to(device);
        var rate = settings.LearningRate ?? DefaultLearningRate;
        generatorOptimizer = optim.Adam(model.parameters().Concat(featureDiscriminator.parameters()), rate, Beta1, Beta2);
        criticOptimizer = optim.Adam(critic.parameters(), rate, Beta1, Beta2);
    }

    internal ConvCritic Critic => critic;
    internal FeatureDiscriminator FeatureDiscriminator => featureDiscriminator;

    public ImageStepResult Step(Tensor batch)
    {
        model.train();
        critic.train();
        featureDiscriminator.train();

        var (features, mean, logVariance) = model.Encode(batch);
        var codes = VariationalHead.Sample(mean, logVariance);
        var reconstruction = model.Decode(codes);

        var losses = new Dictionary<string, double>();
        UpdateCritic(batch, reconstruction.detach(), losses);
        var l1 = UpdateGenerator(batch, features, mean, logVariance, codes, reconstruction, losses);
        return new ImageStepResult(l1, losses);
    }

    private void UpdateCritic(Tensor batch, Tensor fake, Dictionary<string, double> losses)
    {
        for (var i = 0; i < options.CriticSteps; i++)
        {
            using var scope = NewDisposeScope();
            var real = critic.forward(batch);
            var generated = critic.forward(fake);
            var penalty = GradientPenalty.Of(critic.forward, batch, fake);
            var loss = generated.mean() - real.mean() + PenaltyWeight * penalty;

            criticOptimizer.zero_grad();
            loss.backward();
            criticOptimizer.step();

            if (i != options.CriticSteps - 1)
                continue;
            losses["critic"] = loss.item<float>();
            losses["wasserstein"] = (real.mean() - generated.mean()).item<float>();
            losses["gradientPenalty"] = penalty.item<float>();
            // A critic has no decision threshold: it is "right" about a pair when it scores the real image higher.
            losses["discriminatorAccuracy"] = real.detach().gt(generated.detach()).to_type(ScalarType.Float32).mean().item<float>();
        }
    }

    private double UpdateGenerator(Tensor batch, Tensor features, Tensor mean, Tensor logVariance, Tensor codes,
        Tensor reconstruction, Dictionary<string, double> losses)
    {
        using var scope = NewDisposeScope();
        var ssim = (-((1 + Ssim.Compute(batch, reconstruction).Mean) / 2).log()).mean();
        var l1 = (batch - reconstruction).abs().mean();

        var logits = model.Classify(codes);
        var latent = (nn.functional.softmax(logits, 1) * LatentMixture.Divergences(mean, logVariance, model.Means)).sum(1).mean();
        var categorical = nn.functional.cross_entropy(logits, LatentMixture.Nearest(codes, model.Means));
        var mutualInformation = featureDiscriminator.MutualInformationLoss(features, codes);

        SetTrainable(critic, false);
        Tensor adversarial;
        try
        {
            adversarial = -critic.forward(reconstruction).mean();
        }
        finally
        {
            SetTrainable(critic, true);
        }

        var loss = SsimWeight * ssim + L1Weight * l1 + MutualInformationWeight * mutualInformation
                   + LatentWeight * latent + CategoricalWeight * categorical + AdversarialWeight * adversarial;
        var latentValue = latent.item<float>();
        var negative = 0.0;
        if (latentValue < options.NegativeTrainingThreshold)
        {
            var negativeLoss = NegativeLoss((int)batch.shape[0]);
            loss = loss + NegativeWeight * negativeLoss;
            negative = negativeLoss.item<float>();
        }

        generatorOptimizer.zero_grad();
        loss.backward();
        generatorOptimizer.step();

        losses["ssim"] = ssim.item<float>();
        losses["l1"] = l1.item<float>();
        losses["latent"] = latentValue;
        losses["categorical"] = categorical.item<float>();
        losses["mutualInformation"] = mutualInformation.item<float>();
        losses["adversarial"] = adversarial.item<float>();
        losses["negative"] = negative;
        return losses["l1"];
    }

    /// <summary>L_neg of <paramref name="count"/> potential outliers (see the class comment).</summary>
    private Tensor NegativeLoss(int count)
    {
        model.eval();
        try
        {
            Tensor outliers;
            using (no_grad())
                outliers = model.Decode(LatentMixture.Outliers(model.Means, count));
            var reconstructed = model.Decode(model.Encode(outliers).Mean);
            return nn.functional.relu(Ssim.Compute(outliers, reconstructed).Mean).mean();
        }
        finally
        {
            model.train();
        }
    }

    private static void SetTrainable(nn.Module module, bool trainable)
    {
        foreach (var parameter in module.parameters())
            parameter.requires_grad = trainable;
    }

    public IReadOnlyList<nn.Module> Opponents => [critic, featureDiscriminator];

    public void SaveState(BinaryWriter writer)
    {
        ((OptimizerHelper)generatorOptimizer).save_state_dict(writer);
        featureDiscriminator.save(writer);
        critic.save(writer);
        ((OptimizerHelper)criticOptimizer).save_state_dict(writer);
    }

    public void LoadState(BinaryReader reader)
    {
        ((OptimizerHelper)generatorOptimizer).load_state_dict(reader);
        featureDiscriminator.load(reader);
        critic.load(reader);
        ((OptimizerHelper)criticOptimizer).load_state_dict(reader);
    }

    public void Dispose()
    {
        generatorOptimizer.Dispose();
        criticOptimizer.Dispose();
        featureDiscriminator.Dispose();
        critic.Dispose();
    }
}
