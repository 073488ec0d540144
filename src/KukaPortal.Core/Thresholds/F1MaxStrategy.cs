using KukaPortal.Core.Metrics;

namespace KukaPortal.Core.Thresholds;

/// <summary>Paper 000's choice: the threshold of maximum F1 on a labelled validation set.</summary>
public sealed record F1MaxStrategy : ThresholdStrategy
{
    public override ThresholdChoice Choose(ThresholdData data)
    {
        var scores = Require(data.ValidationScores, "validation scores", ToString());
        var labels = Require(data.ValidationLabels, "validation labels", ToString());
        return new ThresholdChoice(F1Max.Of(scores, labels).Threshold, ToString());
    }

    public override string ToString() => "f1max";
}
