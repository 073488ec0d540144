using TorchSharp.Modules;
using static TorchSharp.torch;

namespace KukaPortal.Cli.Commands.Bench.Ml;

/// <summary>
/// Multiply-adds of one sample through a model's Linear and convolution layers (any dimension, transposed or not),
/// read from the real module shapes while a per-sample shape is traced through the layers in registration order.
/// <para>
/// Why not forward hooks: TorchSharp runs hooks only when a module is invoked through <c>call</c>, and our models call
/// <c>forward</c> on their submodules, so hooks would silently count nothing. Registration order is the data-flow order
/// of every model here (encoder fields before decoder fields); the caller checks the traced output shape against the
/// real forward pass, so a model where that stops being true fails loudly instead of giving a wrong count.
/// Elementwise layers (BatchNorm, activations) keep the shape and are not counted: a few operations per element
/// against hundreds of multiply-adds per output of each layer.
/// </para>
/// </summary>
internal static class FlopCounter
{
    /// <param name="MultiplyAdds">Multiply-adds of one sample; a FLOP count is twice this.</param>
    /// <param name="OutputShape">The traced shape of one sample after the last counted layer (no batch dimension).</param>
    public sealed record Count(long MultiplyAdds, long[] OutputShape)
    {
        public long Flops => 2 * MultiplyAdds;
    }

    /// <param name="sampleShape">One sample's input shape without the batch dimension, e.g. [channels, window].</param>
    public static Count Of(nn.Module model, params long[] sampleShape)
    {
        var shape = sampleShape;
        long total = 0;
        // The model itself first: a bare layer is a model too.
        foreach (var (name, module) in InDataFlowOrder(model, "").Prepend(("(model)", model)))
        {
            long macs;
            switch (module)
            {
                case Linear linear:
                    (macs, shape) = LinearLayer(name, linear, shape);
                    break;
                case Convolution convolution:
                    (macs, shape) = ConvolutionLayer(name, convolution, shape);
                    break;
                default:
                    continue;
            }
            total += macs;
        }
        return new Count(total, shape);
    }

    /// <summary>
    /// A Linear acts on the last dimension; when that does not match but the whole sample does, the model flattened it
    /// first (the dense autoencoders flatten [C, W] to C·W in their forward pass).
    /// </summary>
    private static (long, long[]) LinearLayer(string name, Linear linear, long[] shape)
    {
        var rows = shape[^1] == linear.in_features ? Elements(shape) / linear.in_features
            : Elements(shape) == linear.in_features ? 1
            : throw new InvalidOperationException($"Layer {name} (Linear {linear.in_features}→{linear.out_features}) cannot read a sample of shape [{string.Join(", ", shape)}].");
        var output = shape[^1] == linear.in_features ? [.. shape[..^1], linear.out_features] : new[] { linear.out_features };
        return (rows * linear.in_features * linear.out_features, output);
    }

    /// <summary>
    /// Plain: every output element takes (in/groups)·∏kernel multiply-adds. Transposed: every input element is scattered
    /// into (out/groups)·∏kernel outputs. Lengths follow PyTorch's formulas.
    /// </summary>
    private static (long, long[]) ConvolutionLayer(string name, Convolution conv, long[] shape)
    {
        var dimensions = conv.kernel_size.Length;
        if (shape.Length != dimensions + 1 || shape[0] != conv.in_channels)
            throw new InvalidOperationException($"Layer {name} ({conv.GetType().Name} {conv.in_channels}→{conv.out_channels}) cannot read a sample of shape [{string.Join(", ", shape)}].");
        var input = shape[1..];
        var output = new long[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            var padding = conv.padding?[d] ?? (conv.padding_type == TorchSharp.Padding.Same ? (conv.dilation[d] * (conv.kernel_size[d] - 1)) / 2 : 0);
            output[d] = conv.transposed
                ? (input[d] - 1) * conv.stride[d] - 2 * padding + conv.dilation[d] * (conv.kernel_size[d] - 1) + conv.output_padding[d] + 1
                : (input[d] + 2 * padding - conv.dilation[d] * (conv.kernel_size[d] - 1) - 1) / conv.stride[d] + 1;
        }
        var kernel = conv.kernel_size.Aggregate(1L, (a, k) => a * k);
        var macs = conv.transposed
            ? conv.in_channels * Elements(input) * (conv.out_channels / conv.groups) * kernel
            : conv.out_channels * Elements(output) * (conv.in_channels / conv.groups) * kernel;
        return (macs, [conv.out_channels, .. output]);
    }

    /// <summary>
    /// Depth first, each child's layers before the next child's. TorchSharp's <c>named_modules</c> lists all children of a
    /// module before any grandchild, which puts a decoder's inner blocks after its output layer.
    /// </summary>
    private static IEnumerable<(string Name, nn.Module Module)> InDataFlowOrder(nn.Module module, string prefix)
    {
        foreach (var (name, child) in module.named_children())
        {
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            yield return (path, child);
            foreach (var descendant in InDataFlowOrder(child, path))
                yield return descendant;
        }
    }

    private static long Elements(long[] shape) => shape.Aggregate(1L, (a, d) => a * d);
}
