namespace KukaPortal.Core.Preprocessing;

/// <summary>A fitted PCA as data, for a model artifact.</summary>
/// <param name="InputChannels">The channel names PCA was fitted on, in order.</param>
/// <param name="Means">Per input channel, subtracted before projecting.</param>
/// <param name="Components">k × d row-major: row j is the unit direction of component j+1.</param>
/// <param name="ExplainedVariance">Per kept component, its variance (sample, n−1) on the normal data.</param>
/// <param name="TotalVariance">The sum of all d channel variances, so ratios can be shown later.</param>
public sealed record PcaState(
    IReadOnlyList<string> InputChannels, double[] Means, double[] Components, double[] ExplainedVariance, double TotalVariance)
{
    public PcaTransform Restore() => new(this);
}
