namespace KukaPortal.Core.Preprocessing;

/// <summary>
/// Which channels to keep by their mutual information with the label: the <paramref name="Keep"/>
/// best, those scoring at least <paramref name="MinimumScore"/> nats, or both (the best of those
/// above the score). At least one channel is always kept.
/// </summary>
/// <param name="Neighbours">k of the k-NN estimator (3, as sklearn).</param>
/// <param name="Seed">Seeds the tie-breaking jitter, so a fit is reproducible.</param>
public sealed record FeatureSelectionOptions(int? Keep = null, double? MinimumScore = null, int Neighbours = 3, int Seed = 0)
{
    internal void Validate()
    {
        if (Keep is null && MinimumScore is null)
            throw new ArgumentException("Feature selection needs a number of channels to keep, a minimum score, or both.");
        if (Keep is < 1) throw new ArgumentOutOfRangeException(nameof(Keep), Keep, "Keep at least one channel.");
        if (MinimumScore is { } score && !double.IsFinite(score))
            throw new ArgumentOutOfRangeException(nameof(MinimumScore), score, "The minimum score must be finite.");
        if (Neighbours < 1) throw new ArgumentOutOfRangeException(nameof(Neighbours), Neighbours, "k must be at least 1.");
    }
}
