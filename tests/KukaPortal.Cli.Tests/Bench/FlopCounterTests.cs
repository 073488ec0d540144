using KukaPortal.Cli.Commands.Bench.Ml;
using KukaPortal.Ml.ConvAutoencoder;
using KukaPortal.Ml.Dense;
using static TorchSharp.torch.nn;

namespace KukaPortal.Cli.Tests.Bench;

/// <summary>The counts the forward bench divides by: each against multiply-adds worked out by hand from the layer's definition.</summary>
public class FlopCounterTests
{
    [Fact]
    public void A_linear_layer_costs_inputs_times_outputs_per_row()
    {
        using var linear = Linear(4, 3);

        var count = FlopCounter.Of(linear, 4);

        count.MultiplyAdds.ShouldBe(4 * 3);
        count.Flops.ShouldBe(2 * 4 * 3);
        count.OutputShape.ShouldBe([3L]);
    }

    [Fact]
    public void A_conv1d_costs_in_channels_times_kernel_per_output_element()
    {
        // 10 steps, kernel 3, no padding: 8 output steps of 3 channels, each 2 channels × 3 taps.
        using var conv = Conv1d(2, 3, 3);

        var count = FlopCounter.Of(conv, 2, 10);

        count.MultiplyAdds.ShouldBe(3 * 8 * 2 * 3);
        count.OutputShape.ShouldBe([3L, 8L]);
    }

    [Fact]
    public void A_strided_padded_conv1d_uses_the_pytorch_output_length()
    {
        // (10 + 2·1 − 4) / 2 + 1 = 5 output steps.
        using var conv = Conv1d(2, 3, 4, stride: 2, padding: 1);

        var count = FlopCounter.Of(conv, 2, 10);

        count.MultiplyAdds.ShouldBe(3 * 5 * 2 * 4);
        count.OutputShape.ShouldBe([3L, 5L]);
    }

    [Fact]
    public void A_transposed_conv1d_scatters_each_input_element_into_out_channels_times_kernel_outputs()
    {
        // (5 − 1)·2 − 2·1 + 4 = 10 output steps; 3 channels × 5 steps in, each into 2 channels × 4 taps.
        using var deconv = ConvTranspose1d(3, 2, 4, stride: 2, padding: 1);

        var count = FlopCounter.Of(deconv, 3, 5);

        count.MultiplyAdds.ShouldBe(3 * 5 * 2 * 4);
        count.OutputShape.ShouldBe([2L, 10L]);
    }

    [Fact]
    public void Layers_add_up_along_the_traced_shape_and_a_linear_after_a_conv_reads_the_flattened_sample()
    {
        using var model = Sequential(("conv", Conv1d(2, 4, 3, padding: 1)), ("act", ReLU()), ("dense", Linear(40, 5)));

        var count = FlopCounter.Of(model, 2, 10);

        count.MultiplyAdds.ShouldBe(4 * 10 * 2 * 3 + 40 * 5);
        count.OutputShape.ShouldBe([5L]);
    }

    [Fact]
    public void The_conv_autoencoder_costs_each_stage_twice_and_ends_at_the_window_shape()
    {
        var plan = ConvAePlan.For(30, 86, 30, 16);
        using var model = new ConvAeModel(plan);
        // Encoder Conv1d: Narrow × NarrowLength outputs of Wide × Kernel taps; its mirrored ConvTranspose1d scatters the
        // same Narrow × NarrowLength inputs into Wide × Kernel outputs: the same product.
        var byHand = plan.Stages.Sum(s => 2L * s.NarrowChannels * s.NarrowLength * s.WideChannels * s.Kernel);

        var count = FlopCounter.Of(model, 86, 30);

        count.MultiplyAdds.ShouldBe(byHand);
        count.OutputShape.ShouldBe([86L, 30L]);
    }

    [Fact]
    public void Nested_blocks_are_counted_in_data_flow_order()
    {
        // The decoder's blocks must come before its output layer, though TorchSharp lists a module's children first.
        using var model = new DenseAeBnModel(86, 30, 32);

        var count = FlopCounter.Of(model, 86, 30);

        count.MultiplyAdds.ShouldBe(2580L * 64 + 64 * 32 + 32 * 32 + 32 * 64 + 64 * 2580);
        count.OutputShape.ShouldBe([2580L]);
    }

    [Fact]
    public void A_sample_a_layer_cannot_read_is_refused_with_the_layer_named()
    {
        using var model = Sequential(("first", Linear(4, 3)), ("second", Linear(5, 2)));

        var error = Should.Throw<InvalidOperationException>(() => FlopCounter.Of(model, 4));

        error.Message.ShouldContain("second");
    }
}
