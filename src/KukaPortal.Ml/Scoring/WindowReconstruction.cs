namespace KukaPortal.Ml.Scoring;

/// <summary>
/// What the model saw and what it made of one window, in the model's own (preprocessed, scaled) units:
/// <see cref="Input"/>[c] and <see cref="Reconstruction"/>[c] hold the W values of channel <see cref="Channels"/>[c].
/// Scaled units, because after PCA the model's channels are components, not sensors, and because the score is
/// computed there: <see cref="Score"/> and <see cref="ChannelErrors"/> are exactly what scoring stores for the window.
/// <see cref="Contributions"/> are each channel's share of the error (sum 1; all 0 for a perfect reconstruction).
/// </summary>
public sealed record WindowReconstruction(
    IReadOnlyList<string> Channels, float[][] Input, float[][] Reconstruction, double Score, double Threshold, double Calibrated, float[] ChannelErrors, float[] Contributions);
