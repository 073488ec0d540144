using KukaPortal.Ml.ConvAutoencoder;
using Shouldly;

namespace KukaPortal.Ml.Tests.ConvAutoencoder;

public sealed class ConvAePlanTests
{
    public static TheoryData<int> AllWindows() => new(Enumerable.Range(ConvAePlan.MinWindow, ConvAePlan.MaxWindow - ConvAePlan.MinWindow + 1));

    [Theory]
    [MemberData(nameof(AllWindows))]
    public void Every_supported_window_gets_five_mirrored_layers_that_restore_its_length(int window)
    {
        var plan = ConvAePlan.For(window, channels: 86, latent: 30, baseWidth: 16);

        plan.Stages.Count.ShouldBe(5);
        plan.Stages.ShouldAllBe(s => s.IsConsistent);
        plan.Stages[0].WideLength.ShouldBe(window);
        plan.Stages[^1].NarrowLength.ShouldBe(1);
        for (var i = 1; i < plan.Stages.Count; i++)
            plan.Stages[i].WideLength.ShouldBe(plan.Stages[i - 1].NarrowLength);

        // Replay the decoder with PyTorch's transposed-convolution formula: it must land on W exactly.
        var length = 1;
        foreach (var s in plan.Stages.Reverse())
            length = ConvStage.TransposedLength(length, s.Kernel, s.Stride, s.Padding, s.OutputPadding);
        length.ShouldBe(window);
    }

    [Fact]
    public void Window_80_reproduces_the_papers_decoder_exactly()
    {
        var plan = ConvAePlan.For(80, channels: 86, latent: 30, baseWidth: 16);

        // Paper 000: L(10/1)-16w(4/2)-8w(4/2)-4w(4/2)-2w(7/1), listed from the latent side.
        plan.Stages.Reverse().Select(s => (s.NarrowChannels, s.Kernel, s.Stride)).ShouldBe(
        [
            (30, 10, 1), (16 * 16, 4, 2), (8 * 16, 4, 2), (4 * 16, 4, 2), (2 * 16, 7, 1),
        ]);
        plan.Stages[0].WideChannels.ShouldBe(86);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(201)]
    public void Windows_outside_5_to_200_are_refused(int window) =>
        Should.Throw<ArgumentOutOfRangeException>(() => ConvAePlan.For(window, 3, 4, 2));
}
