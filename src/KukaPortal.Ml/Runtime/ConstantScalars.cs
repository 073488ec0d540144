using TorchSharp;

namespace KukaPortal.Ml.Runtime;

/// <summary>
/// Scalars created once and held for the life of the process, for arithmetic on the scoring path.
/// <para>
/// Why: TorchSharp 0.107 turns every number in <c>x * 2</c>, <c>x + 1</c> (twice: the value and alpha) or
/// <c>square()</c> into a new temporary <c>Scalar</c> and hands libtorch only its native handle; a collection
/// during that call can finalize the Scalar and free what libtorch is reading (see <see cref="NoGcRegion"/>).
/// A held Scalar is never finalized, so scoring with these, and with no other temporary, needs no no-GC region.
/// Libtorch only reads them, so threads share them. The test ScalarFreeScoringTests counts the temporaries each
/// family's scoring leaves.
/// </para>
/// </summary>
internal static class ConstantScalars
{
    public static readonly Scalar One = 1.ToScalar();
    public static readonly Scalar Two = 2.ToScalar();

    /// <summary><c>x²</c> as <c>square()</c> computes it (it is <c>pow(2)</c>), without its temporary Scalar.</summary>
    public static torch.Tensor Squared(this torch.Tensor x) => x.pow(Two);

    /// <summary><c>x + y</c> for tensors, without the temporary Scalar TorchSharp makes for its alpha of 1.</summary>
    public static torch.Tensor Plus(this torch.Tensor x, torch.Tensor y) => x.add(y, One);
}
