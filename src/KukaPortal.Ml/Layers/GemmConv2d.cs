using KukaPortal.Ml.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Layers;

/// <summary>
/// Conv2d computed as one matrix multiply over the image's patches laid out pixel-major (channels last): the
/// Conv2d of the image detectors, except the depthwise ones.
/// <para>
/// Why: as for <see cref="GemmConv1d"/>, libtorch's own layer runs in oneDNN, capped at SSE4.1 (ADR 0008), the
/// multiply in MKL at the CPU's full width. With channels last, a patch row is kernel-height runs of kernel-width ×
/// channels consecutive numbers, so the columns are a strided copy. Built by the same base constructor as
/// TorchSharp's Conv2d: the same weight [out, in, kh, kw], bias, state keys and seeded initial values. Input and
/// output are [batch, channels, height, width]; the output is a channels-last view.
/// </para>
/// </summary>
internal sealed class GemmConv2d : Convolution
{
    public GemmConv2d(long inChannels, long outChannels, long kernel, long stride = 1, long padding = 0, bool bias = true)
        : base("Conv2d", inChannels, outChannels, [kernel, kernel], [stride, stride], [padding, padding], null, [1, 1],
            false, [0, 0], 1, bias, PaddingModes.Zeros, null, null)
    {
    }

    /// <summary>[batch, in, h, w] → [batch, out, (h + 2·padding − kernel) / stride + 1, the same for w].</summary>
    public override Tensor forward(Tensor input)
    {
        // On a GPU, cuDNN's convolutions are the fast path; the GEMM form is for the capped CPU kernels.
        if (input.device_type != DeviceType.CPU)
            return nn.functional.conv2d(input, weight!, bias, stride, padding);
        using var scope = NewDisposeScope();
        var (kernel, step, pad) = (kernel_size![0], stride![0], padding![0]);
        var batch = input.shape[0];
        var pixels = input.permute(0, 2, 3, 1); // [batch, h, w, in]
        if (pad > 0)
            pixels = nn.functional.pad(pixels, [0, 0, pad, pad, pad, pad]);
        var (height, width) = ((pixels.shape[1] - kernel) / step + 1, (pixels.shape[2] - kernel) / step + 1);
        // [batch·h'·w', kh·kw·in]: row (y, x) holds the patch the kernel sees at output pixel (y, x), row by row.
        var columns = pixels.unfold(1, kernel, step).unfold(2, kernel, step).permute(0, 1, 2, 4, 5, 3)
            .reshape(batch * height * width, -1);
        var output = columns.mm(weight!.permute(0, 2, 3, 1).reshape(weight.shape[0], -1).t());
        if (bias is not null)
            output = output.Plus(bias);
        return output.view(batch, height, width, -1).permute(0, 3, 1, 2).MoveToOuterDisposeScope();
    }
}
