using KukaPortal.Ml.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static KukaPortal.Ml.Runtime.ConstantScalars;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Layers;

/// <summary>
/// ConvTranspose2d computed as one matrix multiply and an overlap-add of its rows, channels last: the transposed
/// convolution of the image decoders.
/// <para>
/// Why: as for <see cref="GemmConvTranspose1d"/>, the multiply runs in MKL instead of oneDNN's kernels capped at
/// SSE4.1 (ADR 0008); the overlapping patches are added one kernel position at a time. Built by the same base
/// constructor as TorchSharp's ConvTranspose2d: the same weight [in, out, kh, kw], bias, state keys and seeded
/// initial values. Input and output are [batch, channels, height, width]; the output is a channels-last view.
/// </para>
/// </summary>
internal sealed class GemmConvTranspose2d : ConvolutionTranspose
{
    public GemmConvTranspose2d(long inChannels, long outChannels, long kernel, long stride = 1, long padding = 0, bool bias = true)
        : base("ConvTranspose2d", inChannels, outChannels, [kernel, kernel], [stride, stride], [padding, padding], null,
            [1, 1], true, [0, 0], 1, bias, PaddingModes.Zeros, null, null)
    {
    }

    /// <summary>[batch, in, h, w] → [batch, out, (h − 1)·stride − 2·padding + kernel, the same for w].</summary>
    public override Tensor forward(Tensor input)
    {
        // On a GPU, cuDNN's transposed convolutions are the fast path (see GemmConv2d).
        if (input.device_type != DeviceType.CPU)
            return nn.functional.conv_transpose2d(input, weight!, bias, stride, padding);
        using var scope = NewDisposeScope();
        var (kernel, step, pad) = (kernel_size![0], stride![0], padding![0]);
        var (batch, inChannels, height, width) = (input.shape[0], input.shape[1], input.shape[2], input.shape[3]);
        var outChannels = weight!.shape[1];

        // [batch, h, w, kh, kw, out]: what input pixel (y, x) adds to output pixel (y·stride + i − padding, x·stride + j − padding).
        var contributions = input.permute(0, 2, 3, 1).reshape(batch * height * width, inChannels)
            .mm(weight.permute(0, 2, 3, 1).reshape(inChannels, -1))
            .view(batch, height, width, kernel, kernel, outChannels);
        var (rowSpan, columnSpan) = ((height - 1) * step + 1, (width - 1) * step + 1);
        var summed = input.new_zeros([batch, rowSpan - 1 + kernel, columnSpan - 1 + kernel, outChannels]);
        for (var i = 0L; i < kernel; i++)
            for (var j = 0L; j < kernel; j++)
                summed.slice(1, i, i + rowSpan, step).slice(2, j, j + columnSpan, step)
                    .add_(contributions.select(3, i).select(3, j), One);

        var output = summed.narrow(1, pad, summed.shape[1] - 2 * pad).narrow(2, pad, summed.shape[2] - 2 * pad);
        if (bias is not null)
            output = output.Plus(bias);
        return output.permute(0, 3, 1, 2).MoveToOuterDisposeScope();
    }

    public override Tensor forward(Tensor input, long[]? output_size) =>
        output_size is null ? forward(input) : throw new NotSupportedException("An explicit output size is not used here.");
}
