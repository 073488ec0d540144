namespace KukaPortal.Ml.ConvAutoencoder;

/// <summary>
/// One encoder layer and its mirrored decoder layer. The encoder's Conv1d maps <see cref="WideLength"/>
/// time steps to <see cref="NarrowLength"/>; the decoder's ConvTranspose1d with the same kernel, stride and
/// padding (plus <see cref="OutputPadding"/>) maps them back exactly.
/// </summary>
public sealed record ConvStage(
    int WideChannels,
    int NarrowChannels,
    int Kernel,
    int Stride,
    int Padding,
    int OutputPadding,
    int WideLength,
    int NarrowLength)
{
    /// <summary>Output length of Conv1d (PyTorch's formula, dilation 1).</summary>
    public static int ConvLength(int input, int kernel, int stride, int padding) =>
        (input + 2 * padding - kernel) / stride + 1;

    /// <summary>Output length of ConvTranspose1d (PyTorch's formula, dilation 1).</summary>
    public static int TransposedLength(int input, int kernel, int stride, int padding, int outputPadding) =>
        (input - 1) * stride - 2 * padding + kernel + outputPadding;

    public bool IsConsistent =>
        ConvLength(WideLength, Kernel, Stride, Padding) == NarrowLength
        && TransposedLength(NarrowLength, Kernel, Stride, Padding, OutputPadding) == WideLength
        && OutputPadding >= 0 && OutputPadding < Stride;
}
