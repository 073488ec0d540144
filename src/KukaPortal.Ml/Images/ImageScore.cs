using KukaPortal.Core.Images;

namespace KukaPortal.Ml.Images;

/// <summary>
/// One image's score: <see cref="Score"/> = Σ weight · normalised term, <see cref="Calibrated"/> = Score / threshold
/// (≥ 1 raises an alarm), and each term normalised by the held-out normal images' range (normal ≈ [0, 1]).
/// </summary>
public sealed record ImageScore(double Score, double Calibrated, IReadOnlyDictionary<string, double> Terms)
{
    /// <summary>The verdict: defective when the score reaches the threshold (the same rule as a window's).</summary>
    public bool AboveThreshold => Calibrated >= 1.0;
}

/// <summary>What the inspection view draws for one image: the model's reconstruction, its anomaly map [H·W] and its score.</summary>
public sealed record ImageExplanation(PlanarImage Reconstruction, float[] Map, ImageScore Score);
