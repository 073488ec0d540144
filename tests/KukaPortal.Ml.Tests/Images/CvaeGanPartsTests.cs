using KukaPortal.Ml.Images.CvaeGan;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Images;

public sealed class CvaeGanPartsTests
{
    [Fact]
    public void Gradient_penalty_of_a_linear_critic_is_the_squared_distance_of_its_weight_norm_from_one_and_trains_it()
    {
        manual_seed(21);
        using var scope = NewDisposeScope();
        // D(x) = Σ w·x has the gradient w at every x, so the penalty is (‖w‖ − 1)² whatever the interpolation.
        var weight = (randn(1, 2, 4, 4) * 0.5).requires_grad_(true);
        Tensor Critic(Tensor images) => (images * weight).sum([1L, 2L, 3L]);
        var norm = weight.detach().norm().item<float>();

        var penalty = GradientPenalty.Of(Critic, rand(3, 2, 4, 4), rand(3, 2, 4, 4));
        penalty.backward();

        penalty.item<float>().ShouldBe((norm - 1) * (norm - 1), tolerance: 1e-4f);
        // create_graph made the penalty differentiable in w: d/dw (‖w‖ − 1)² = 2(‖w‖ − 1)·w/‖w‖.
        var expected = weight.detach() * (2 * (norm - 1) / norm);
        weight.grad!.allclose(expected, rtol: 1e-4, atol: 1e-6).ShouldBeTrue();
    }

    [Fact]
    public void Divergence_to_a_component_is_zero_at_its_mean_with_unit_variance_and_the_closed_form_elsewhere()
    {
        using var scope = NewDisposeScope();
        var means = tensor(new float[] { 0, 0, 3, 4 }).reshape(2, 2);
        var mean = tensor(new float[] { 0, 0 }).reshape(1, 2);
        var logVariance = tensor(new float[] { 0, (float)Math.Log(2) }).reshape(1, 2);

        var divergences = LatentMixture.Divergences(mean, logVariance, means);

        // ½·mean_d(σ² + (μ − u)² − 1 − log σ²): dimension 1 has σ² = 2.
        var spread = 2 - 1 - Math.Log(2);
        divergences[0, 0].item<float>().ShouldBe((float)(0.5 * spread / 2), tolerance: 1e-6f);
        divergences[0, 1].item<float>().ShouldBe((float)(0.5 * (spread + 9 + 16) / 2), tolerance: 1e-5f);
        LatentMixture.Nearest(tensor(new float[] { 2.5f, 3.5f }).reshape(1, 2), means).item<long>().ShouldBe(1L);
    }

    [Fact]
    public void Outliers_lie_farther_than_two_per_dimension_from_every_mean()
    {
        manual_seed(22);
        using var scope = NewDisposeScope();
        var means = randn(4, 64);

        var outliers = LatentMixture.Outliers(means, 200);

        outliers.shape.ShouldBe([200L, 64]);
        cdist(outliers, means).min().item<float>().ShouldBeGreaterThan(2 * MathF.Sqrt(64));
    }

    [Fact]
    public void Mutual_information_loss_falls_when_the_discriminator_learns_to_pair_features_with_their_codes()
    {
        manual_seed(23);
        using var discriminator = new FeatureDiscriminator(featureChannels: 4, latentSize: 3, hidden: 16);
        using var optimizer = optim.Adam(discriminator.parameters(), 1e-2);
        using var scope = NewDisposeScope();
        // Codes that are a function of the features: pairs can be told apart, so the JS estimate can grow.
        var features = randn(8, 4, 2, 2);
        var codes = features.mean([2L, 3L])[.., ..3];
        var first = discriminator.MutualInformationLoss(features, codes).item<float>();

        for (var i = 0; i < 100; i++)
        {
            optimizer.zero_grad();
            discriminator.MutualInformationLoss(features, codes).backward();
            optimizer.step();
        }

        discriminator.MutualInformationLoss(features, codes).item<float>().ShouldBeLessThan(first / 2);
        Should.Throw<ArgumentException>(() => discriminator.MutualInformationLoss(features[..1], codes[..1]));
    }
}
