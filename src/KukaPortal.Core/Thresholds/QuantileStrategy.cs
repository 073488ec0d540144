namespace KukaPortal.Core.Thresholds;

/// <summary>The q-quantile of held-out normal scores: about (1 − q) of normal windows end up above it.</summary>
public sealed record QuantileStrategy : ThresholdStrategy
{
    public QuantileStrategy(double q)
    {
        if (!(q is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile lies between 0 and 1.");
        Q = q;
    }

    public double Q { get; }

    public override ThresholdChoice Choose(ThresholdData data)
    {
        var scores = Require(data.NormalScores, "held-out normal scores", ToString());
        return new ThresholdChoice(Quantile.Of(scores, Q), ToString());
    }

    public override string ToString() => $"quantile:{Invariant(Q)}";
}
