using KukaPortal.Ml.Adversarial;
using KukaPortal.Ml.ConvAutoencoder;
using KukaPortal.Ml.Training;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Adversarial;

public sealed class AdversarialStepTests
{
    private static readonly ConvAePlan Plan = ConvAePlan.For(16, channels: 3, latent: 4, baseWidth: 2);
    private static readonly DetectorSettings Settings = DetectorSettings.For(Models.ModelFamily.ConvAae) with { Window = 16, Latent = 4, BaseWidth = 2 };

    [Fact]
    public void A_step_updates_both_players_and_reports_accuracies_as_shares()
    {
        manual_seed(8);
        using var generator = new ConvAeModel(Plan);
        using var step = new AdversarialStep(generator, new ConvDiscriminator(Plan), Settings);
        var generatorBefore = Snapshot(generator);
        var discriminatorBefore = Snapshot(step.Discriminator);
        using var scope = NewDisposeScope();

        var result = step.Step(rand(16, 3, 16));

        result.Loss.ShouldBeGreaterThan(0);
        var d = result.Discriminator.ShouldNotBeNull();
        d.Reinitialised.ShouldBeFalse();
        d.Loss.ShouldBeGreaterThan(0);
        (d.AccuracyReal * 16).ShouldBe(Math.Round(d.AccuracyReal * 16), tolerance: 1e-6);
        (d.AccuracyFake * 16).ShouldBe(Math.Round(d.AccuracyFake * 16), tolerance: 1e-6);
        d.AccuracyReal.ShouldBeInRange(0, 1);
        d.AccuracyFake.ShouldBeInRange(0, 1);
        Changed(generatorBefore, generator).ShouldNotBeEmpty();
        Changed(discriminatorBefore, step.Discriminator).ShouldNotBeEmpty();
    }

    [Fact]
    public void A_collapsed_discriminator_loss_redraws_its_weights()
    {
        manual_seed(9);
        using var generator = new ConvAeModel(Plan);
        // Every loss counts as collapsed: the step's own check decides, nothing is faked.
        using var step = new AdversarialStep(generator, new ConvDiscriminator(Plan), Settings, collapseLimit: double.PositiveInfinity);
        var before = Snapshot(step.Discriminator);
        using var scope = NewDisposeScope();

        var result = step.Step(rand(16, 3, 16));

        result.Discriminator!.Reinitialised.ShouldBeTrue();
        var after = Snapshot(step.Discriminator);
        // BatchNorm comes back to its initial scale 1 and shift 0, which an Adam step would have moved...
        after.Where(p => p.Key.Contains(".norm") && p.Key.EndsWith(".weight")).ShouldAllBe(p => p.Value.All(v => v == 1f));
        after.Where(p => p.Key.Contains(".norm") && p.Key.EndsWith(".bias")).ShouldAllBe(p => p.Value.All(v => v == 0f));
        // ...and the convolutions hold new random draws, not the weights they started with.
        var convolutions = after.Keys.Where(k => k.Contains("conv") || k.StartsWith("output")).ToList();
        convolutions.ShouldNotBeEmpty();
        convolutions.ShouldAllBe(k => !before[k].SequenceEqual(after[k]));
        after.Keys.Where(k => k.Contains(".norm") && k.EndsWith(".weight")).ShouldNotBeEmpty();
    }

    [Fact]
    public void Without_collapse_the_batchnorm_scales_move_away_from_their_initial_value()
    {
        manual_seed(9);
        using var generator = new ConvAeModel(Plan);
        using var step = new AdversarialStep(generator, new ConvDiscriminator(Plan), Settings);
        using var scope = NewDisposeScope();

        step.Step(rand(16, 3, 16)).Discriminator!.Reinitialised.ShouldBeFalse();

        Snapshot(step.Discriminator).Where(p => p.Key.Contains(".norm") && p.Key.EndsWith(".weight"))
            .ShouldAllBe(p => p.Value.Any(v => v != 1f));
    }

    private static Dictionary<string, float[]> Snapshot(TorchSharp.torch.nn.Module module) =>
        module.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().cpu().data<float>().ToArray());

    private static List<string> Changed(Dictionary<string, float[]> before, TorchSharp.torch.nn.Module module) =>
        Snapshot(module).Where(p => !before[p.Key].SequenceEqual(p.Value)).Select(p => p.Key).ToList();
}
