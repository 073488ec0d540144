namespace KukaPortal.Core.Preprocessing;

/// <summary>
/// y = (x − offset) · factor per channel, the shape of the standard, robust and max-abs scalers.
/// A channel without spread gets factor 0: it maps to 0 and inverts to its offset.
/// </summary>
internal sealed class AffineScaling
{
    public AffineScaling(double[] offsets, double[] spreads)
    {
        if (offsets.Length != spreads.Length)
            throw new ArgumentException("Offsets and spreads must have one entry per channel.");
        if (spreads.Any(s => !(s >= 0)))
            throw new ArgumentException("A spread is a size: it cannot be negative or NaN.");
        Offsets = offsets;
        Spreads = spreads;
        Factors = [.. spreads.Select(s => s > 0 ? 1 / s : 0)];
    }

    public double[] Offsets { get; }
    public double[] Spreads { get; }
    public double[] Factors { get; }
    public int ChannelCount => Offsets.Length;

    public double Forward(int channel, double x) => (x - Offsets[channel]) * Factors[channel];

    public double Backward(int channel, double y) => y * Spreads[channel] + Offsets[channel];
}
