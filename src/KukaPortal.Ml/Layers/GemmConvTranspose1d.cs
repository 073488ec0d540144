using KukaPortal.Ml.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static KukaPortal.Ml.Runtime.ConstantScalars;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Layers;

/// <summary>
/// ConvTranspose1d computed as one matrix multiply and an overlap-add of its rows, time-major: the transposed
/// convolution every time-series decoder here uses.
/// <para>
/// Why: as for <see cref="GemmConv1d"/>, the multiply runs in MKL's GEMM instead of oneDNN's kernels capped at
/// SSE4.1 (ADR 0008); 1.1–14× faster than the capped layer from 4 windows up (docs/performance.md, round 9). Each input step
/// adds its kernel's span of output steps; the spans overlap, so they are added one kernel position at a time
/// (a strided add over all steps at once).
/// </para>
/// <para>
/// Built by the same base constructor as TorchSharp's ConvTranspose1d: the same weight [in, out, kernel], bias,
/// state keys and seeded initial values. Input and output are [batch, channels, length]; the output is a time-major
/// view, as <see cref="GemmConv1d"/>'s is.
/// </para>
/// </summary>
internal sealed class GemmConvTranspose1d : ConvolutionTranspose
{
    public GemmConvTranspose1d(long inChannels, long outChannels, long kernel, long stride, long padding,
        long outputPadding, bool bias)
        : base("ConvTranspose1d", inChannels, outChannels, [kernel], [stride], [padding], null, [1], true,
            [outputPadding], 1, bias, PaddingModes.Zeros, null, null)
    {
    }

    /// <summary>[batch, in, length] → [batch, out, (length − 1)·stride − 2·padding + kernel + output padding].</summary>
    public override Tensor forward(Tensor input)
    {
        // One window, or a GPU: libtorch's own transposed convolution is the faster one there (see GemmConv1d).
        if (input.shape[0] == 1 || input.device_type != DeviceType.CPU)
            return nn.functional.conv_transpose1d(input, weight!, bias, stride![0], padding![0], output_padding![0]);
        using var scope = NewDisposeScope();
        var (kernel, step, pad) = (kernel_size![0], stride![0], padding![0]);
        var (batch, inChannels, length) = (input.shape[0], input.shape[1], input.shape[2]);
        var outChannels = weight!.shape[1];
        var outputLength = (length - 1) * step - 2 * pad + kernel + output_padding![0];

        // [batch, length, kernel, out]: what input step t adds to output step t·stride + k − padding.
        var contributions = input.transpose(1, 2).reshape(batch * length, inChannels)
            .mm(weight.permute(0, 2, 1).reshape(inChannels, -1))
            .view(batch, length, kernel, outChannels);
        var spanEnd = (length - 1) * step + 1;
        var summed = input.new_zeros([batch, Math.Max(spanEnd - 1 + kernel, pad + outputLength), outChannels]);
        for (var k = 0L; k < kernel; k++)
            summed.slice(1, k, k + spanEnd, step).add_(contributions.select(2, k), One);

        var output = summed.narrow(1, pad, outputLength);
        if (bias is not null)
            output = output.Plus(bias);
        return output.transpose(1, 2).MoveToOuterDisposeScope();
    }

    public override Tensor forward(Tensor input, long[]? output_size) =>
        output_size is null ? forward(input) : throw new NotSupportedException("An explicit output size is not used here.");
}
