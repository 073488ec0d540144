using KukaPortal.Ml.Adversarial;
using KukaPortal.Ml.ConvAutoencoder;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Adversarial;

public sealed class R1PenaltyTests
{
    private static readonly ConvAePlan Plan = ConvAePlan.For(16, channels: 3, latent: 4, baseWidth: 2);

    [Fact]
    public void Is_half_gamma_times_the_mean_squared_input_gradient_of_a_fresh_discriminator()
    {
        manual_seed(5);
        using var discriminator = new ConvDiscriminator(Plan);
        using var scope = NewDisposeScope();
        var windows = rand(6, 3, 16).requires_grad_();
        var logits = discriminator.forward(windows);

        var penalty = R1Penalty.Of(logits, windows, gamma: 4.0).item<float>();

        var gradient = autograd.grad([logits.sum()], [windows], retain_graph: true)[0];
        var expected = 4.0 / 2 * gradient.square().sum([1L, 2L]).mean().item<float>();
        penalty.ShouldBeGreaterThan(0f);
        penalty.ShouldBe((float)expected, tolerance: 1e-5 * expected);
    }

    [Fact]
    public void Backward_through_it_reaches_the_discriminators_weights()
    {
        manual_seed(6);
        using var discriminator = new ConvDiscriminator(Plan);
        using var scope = NewDisposeScope();
        var windows = rand(6, 3, 16).requires_grad_();

        R1Penalty.Of(discriminator.forward(windows), windows, gamma: 1.0).backward();

        var weights = discriminator.named_parameters().Where(p => p.name.EndsWith("weight")).ToList();
        weights.Count.ShouldBe(2 * (Plan.Stages.Count - 1) + 1);   // convolutions, BatchNorm scales, the output
        foreach (var (name, weight) in weights)
            GradientSize(weight).ShouldBeGreaterThan(0f, name);
    }

    private static float GradientSize(Tensor parameter) =>
        parameter.grad is { } grad ? grad.abs().sum().item<float>() : 0f;

    [Fact]
    public void Is_zero_and_constant_when_gamma_is_zero()
    {
        manual_seed(7);
        using var discriminator = new ConvDiscriminator(Plan);
        using var scope = NewDisposeScope();
        var windows = rand(6, 3, 16).requires_grad_();

        var penalty = R1Penalty.Of(discriminator.forward(windows), windows, gamma: 0);

        penalty.item<float>().ShouldBe(0f);
        penalty.requires_grad.ShouldBeFalse();
    }
}
