using KukaPortal.Ml.Layers;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Layers;

/// <summary>The held-slope LeakyReLU is TorchSharp's LeakyReLU in all but the temporary Scalar.</summary>
public sealed class HeldSlopeLeakyReLUTests
{
    [Fact]
    public void It_computes_exactly_what_torchs_LeakyReLU_computes()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        var x = randn(4, 7, 9);
        using var held = new HeldSlopeLeakyReLU(0.2);
        using var torchs = nn.LeakyReLU(0.2);

        held.forward(x).data<float>().ToArray().ShouldBe(torchs.forward(x).data<float>().ToArray());
        held.forward(x).data<float>().ToArray().ShouldContain(v => v < 0); // the slope is applied, not a ReLU
    }

    [Fact]
    public void It_has_no_state_so_artifacts_saved_with_torchs_layer_load_unchanged()
    {
        using var held = new HeldSlopeLeakyReLU(0.2);

        held.state_dict().ShouldBeEmpty();
        held.parameters().ShouldBeEmpty();
    }
}
