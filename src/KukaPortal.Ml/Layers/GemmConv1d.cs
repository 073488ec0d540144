using KukaPortal.Ml.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Layers;

/// <summary>
/// Conv1d computed as one matrix multiply over the input's windows laid out time-major: the Conv1d every time-series
/// model here uses.
/// <para>
/// Why: libtorch runs a convolution in oneDNN, which is capped at SSE4.1 on Linux CPUs because its faster kernels
/// returned NaN on this machine (ADR 0008), while a matrix multiply runs in MKL's GEMM at the CPU's full width.
/// With time steps as rows and channels as columns, the kernel's span of steps at one output step is a run of
/// consecutive numbers, so the columns the multiply needs are a plain strided copy (libtorch's own unfold for
/// [batch, channels, length] is an element-by-element loop and cost more than it saved). 1.4–5× faster than the
/// capped oneDNN layer from 4 windows up (docs/performance.md, round 9); a single window, the live path's usual call,
/// still goes to libtorch's convolution, which costs less there, and so does every tensor on a GPU (cuDNN). Autograd
/// differentiates the same operations, so training uses them too.
/// </para>
/// <para>
/// It is a <see cref="Convolution"/> built by the same base constructor as TorchSharp's Conv1d: the same weight
/// [out, in, kernel] and bias, state keys and seeded initial values, so artifacts saved with Conv1d load into it.
/// Input and output are [batch, channels, length]; the output is a time-major view (its strides, not its shape,
/// differ from Conv1d's). The batch norm after it writes channels-first again, so each layer lays out its own input
/// (a copy of the input, small beside the columns).
/// </para>
/// </summary>
internal sealed class GemmConv1d : Convolution
{
    public GemmConv1d(long inChannels, long outChannels, long kernel, long stride, long padding, bool bias)
        : base("Conv1d", inChannels, outChannels, [kernel], [stride], [padding], null, [1], false, [0], 1, bias,
            PaddingModes.Zeros, null, null)
    {
    }

    /// <summary>[batch, in, length] → [batch, out, (length + 2·padding − kernel) / stride + 1].</summary>
    public override Tensor forward(Tensor input)
    {
        // One window: libtorch's own convolution is cheaper there, having a few calls' fixed cost instead of ten.
        // On a GPU, cuDNN's convolutions are the fast path; the GEMM form is for the capped CPU kernels.
        if (input.shape[0] == 1 || input.device_type != DeviceType.CPU)
            return nn.functional.conv1d(input, weight!, bias, stride![0], padding![0]);
        using var scope = NewDisposeScope();
        var (kernel, step, pad) = (kernel_size![0], stride![0], padding![0]);
        var batch = input.shape[0];
        var steps = input.transpose(1, 2); // [batch, length, in]
        if (pad > 0)
            steps = nn.functional.pad(steps, [0, 0, pad, pad]);
        var outputLength = (steps.shape[1] - kernel) / step + 1;
        // [batch·output length, kernel·in]: row t holds the kernel's span of steps at output step t, step by step.
        var columns = steps.unfold(1, kernel, step).permute(0, 1, 3, 2).reshape(batch * outputLength, -1);
        var output = columns.mm(TimeMajorWeight().t()); // [batch·output length, out]
        if (bias is not null)
            output = output.Plus(bias);
        return output.view(batch, outputLength, -1).transpose(1, 2).MoveToOuterDisposeScope();
    }

    /// <summary>The weight as [out, kernel·in], ordered as the columns are.</summary>
    private Tensor TimeMajorWeight() => weight!.permute(0, 2, 1).reshape(weight.shape[0], -1);
}
