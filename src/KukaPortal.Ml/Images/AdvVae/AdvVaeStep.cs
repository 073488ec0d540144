using KukaPortal.Ml.Images.CvaeGan;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Images.AdvVae;

/// <summary>
/// One iteration of paper 002's two-step training on a batch of normal images x. The step counts its own calls:
/// the first <see cref="AdvVaeOptions.EncoderIterationsOf"/> are step 1, the rest step 2; the count is part of
/// <see cref="SaveState"/>, so a resumed run continues in the right step.
/// <list type="number">
/// <item>Step 1 (variational encoder classifier): on x and its <see cref="CutPaste"/> copy, minimise
/// L_VEC = L_kl + L_cat, the KL of N(μ, σ²) to N(0, I) (mean per latent dimension, so its weight does not grow
/// with the latent size) plus the cross-entropy of Class(z) against intact/patched.</item>
/// <item>Step 2 (decoder), encoder and classifier frozen: n_dis least-squares discriminator updates with targets
/// +1 (x) and −1 (x̂), then one decoder update on L_Dec = L_rec + β·L_adv + γ·L_latent with
/// L_rec = Σᵢ αᵢ·E(φᵢ(x) − φᵢ(x̂))², L_adv = E(Dis(x) − Dis(x̂))² (paper 002 eq. 10) and
/// L_latent = E‖Class(z) − Class(ẑ)‖² on the class probabilities, ẑ = μ(x̂).</item>
/// </list>
/// Paper 002 draws a fresh mini-batch for every discriminator update; the trainer hands a step one batch, which
/// serves all of them. Adam with β₁ = 0.5 for every optimiser. The paper gives no rate; 1e-3 unless set: on smooth
/// synthetic textures (32×32, batch 16) the step-1 classifier stayed at chance for 300 iterations at DCGAN's 2e-4,
/// while the KL drew every code to the prior, and separated intact from patched (~80%) after ~200 at 1e-3.
/// </summary>
internal sealed class AdvVaeStep : IImageTrainingStep
{
    public const double DefaultLearningRate = 1e-3;
    private const double Beta1 = 0.5;
    private const double Beta2 = 0.999;

    private readonly AdvVaeModel model;
    private readonly AdvVaeOptions options;
    private readonly int encoderIterations;
    private readonly ConvCritic discriminator;
    private readonly optim.Optimizer encoderOptimizer;
    private readonly optim.Optimizer decoderOptimizer;
    private readonly optim.Optimizer discriminatorOptimizer;
    private int stepsTaken;

    public AdvVaeStep(AdvVaeModel model, ImageDetectorSettings settings, Device device)
    {
        this.model = model;
        options = settings.AdvVae ?? new AdvVaeOptions();
        options.Validate(settings.Iterations);
        encoderIterations = options.EncoderIterationsOf(settings.Iterations);
        discriminator = new ConvCritic(model.Size, model.Channels, model.BaseWidth).to(device);
        var rate = settings.LearningRate ?? DefaultLearningRate;
        encoderOptimizer = optim.Adam(model.EncoderParameters(), rate, Beta1, Beta2);
        decoderOptimizer = optim.Adam(model.DecoderParameters(), rate, Beta1, Beta2);
        discriminatorOptimizer = optim.Adam(discriminator.parameters(), rate, Beta1, Beta2);
    }

    /// <summary>1 while the encoder and classifier train, 2 once the decoder does.</summary>
    public int Phase => stepsTaken < encoderIterations ? 1 : 2;

    internal ConvCritic Discriminator => discriminator;

    public ImageStepResult Step(Tensor batch)
    {
        var result = Phase == 1 ? TrainEncoder(batch) : TrainDecoder(batch);
        stepsTaken++;
        return result;
    }

    private ImageStepResult TrainEncoder(Tensor batch)
    {
        using var scope = NewDisposeScope();
        model.train();
        var images = cat([batch, CutPaste.Apply(batch)], 0);
        var count = batch.shape[0];
        var labels = cat([zeros(count, ScalarType.Int64, batch.device), ones(count, ScalarType.Int64, batch.device)], 0);

        var (_, mean, logVariance) = model.Encode(images);
        var logits = model.Classify(VariationalHead.Sample(mean, logVariance));
        var kl = (0.5 * (logVariance.exp() + mean.square() - 1 - logVariance)).mean();
        var categorical = nn.functional.cross_entropy(logits, labels);

        encoderOptimizer.zero_grad();
        (kl + categorical).backward();
        encoderOptimizer.step();

        var accuracy = logits.detach().argmax(1).eq(labels).to_type(ScalarType.Float32).mean().item<float>();
        return new ImageStepResult(CurrentReconstructionError(batch), new Dictionary<string, double>
        {
            ["phase"] = 1,
            ["kl"] = kl.item<float>(),
            ["categorical"] = categorical.item<float>(),
            ["classifierAccuracy"] = accuracy,
        });
    }

    /// <summary>|x − x̂| of the decoder as it stands, so the loss curve is one quantity in both steps.</summary>
    private double CurrentReconstructionError(Tensor batch)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return (batch - model.forward(batch)).abs().mean().item<float>();
    }

    private ImageStepResult TrainDecoder(Tensor batch)
    {
        using var scope = NewDisposeScope();
        model.train();
        model.FreezeEncoder();
        discriminator.train();

        IReadOnlyList<Tensor> features;
        Tensor codes;
        Tensor classes;
        using (no_grad())
        {
            var encoded = model.Encode(batch);
            features = encoded.Features;
            codes = VariationalHead.Sample(encoded.Mean, encoded.LogVariance);
            classes = nn.functional.softmax(model.Classify(codes), 1);
        }
        var reconstruction = model.Decode(codes);

        var losses = new Dictionary<string, double> { ["phase"] = 2 };
        UpdateDiscriminator(batch, reconstruction.detach(), losses);

        foreach (var parameter in discriminator.parameters())
            parameter.requires_grad = false;
        try
        {
            var (reconstructedFeatures, reconstructedMean, _) = model.Encode(reconstruction);
            var featureLoss = AdvVaeModel.FeatureError(features, reconstructedFeatures).mean();
            var adversarial = (discriminator.forward(batch).detach() - discriminator.forward(reconstruction)).square().mean();
            var latent = (classes - nn.functional.softmax(model.Classify(reconstructedMean), 1)).square().sum(1).mean();
            var loss = featureLoss + options.AdversarialWeight * adversarial + options.LatentWeight * latent;

            decoderOptimizer.zero_grad();
            loss.backward();
            decoderOptimizer.step();

            losses["feature"] = featureLoss.item<float>();
            losses["adversarial"] = adversarial.item<float>();
            losses["latent"] = latent.item<float>();
        }
        finally
        {
            foreach (var parameter in discriminator.parameters())
                parameter.requires_grad = true;
        }
        return new ImageStepResult((batch - reconstruction).abs().mean().item<float>(), losses);
    }

    private void UpdateDiscriminator(Tensor batch, Tensor fake, Dictionary<string, double> losses)
    {
        for (var i = 0; i < options.DiscriminatorSteps; i++)
        {
            using var scope = NewDisposeScope();
            var real = discriminator.forward(batch);
            var generated = discriminator.forward(fake);
            var loss = (real - 1).square().mean() + (generated + 1).square().mean();

            discriminatorOptimizer.zero_grad();
            loss.backward();
            discriminatorOptimizer.step();

            if (i != options.DiscriminatorSteps - 1)
                continue;
            losses["discriminator"] = loss.item<float>();
            // Right when real images score above 0 (nearer +1) and reconstructions below (nearer −1).
            var right = real.detach().gt(0).sum() + generated.detach().lt(0).sum();
            losses["discriminatorAccuracy"] = right.item<long>() / (2.0 * batch.shape[0]);
        }
    }

    public IReadOnlyList<nn.Module> Opponents => [discriminator];

    public void SaveState(BinaryWriter writer)
    {
        writer.Write(stepsTaken);
        ((OptimizerHelper)encoderOptimizer).save_state_dict(writer);
        ((OptimizerHelper)decoderOptimizer).save_state_dict(writer);
        discriminator.save(writer);
        ((OptimizerHelper)discriminatorOptimizer).save_state_dict(writer);
    }

    public void LoadState(BinaryReader reader)
    {
        stepsTaken = reader.ReadInt32();
        ((OptimizerHelper)encoderOptimizer).load_state_dict(reader);
        ((OptimizerHelper)decoderOptimizer).load_state_dict(reader);
        discriminator.load(reader);
        ((OptimizerHelper)discriminatorOptimizer).load_state_dict(reader);
    }

    public void Dispose()
    {
        encoderOptimizer.Dispose();
        decoderOptimizer.Dispose();
        discriminatorOptimizer.Dispose();
        discriminator.Dispose();
    }
}
