namespace KukaPortal.Ml.Scoring;

/// <summary>
/// The anomaly score of one window covering rows [StartRow, EndRow) (EndRow exclusive).
/// <see cref="Score"/> is the mean squared reconstruction error over channels × time in scaled units;
/// <see cref="Calibrated"/> is Score / threshold, so 1.0 is the alarm line whatever the model;
/// <see cref="ChannelErrors"/> holds the mean squared error of each channel (model channel order),
/// which tells an engineer which signals made the window anomalous.
/// </summary>
public sealed record WindowScore(int Index, int StartRow, int EndRow, double Score, double Calibrated, float[] ChannelErrors)
{
    /// <summary>At or above the model's threshold: the decision the alarm rule and every report use.</summary>
    public bool AboveThreshold => Calibrated >= 1.0;
}
