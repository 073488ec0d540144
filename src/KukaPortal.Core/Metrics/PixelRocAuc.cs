namespace KukaPortal.Core.Metrics;

/// <summary>
/// Pixel-level ROC-AUC of anomaly maps against ground-truth masks: every pixel of every image is one sample (mask
/// &gt; 0.5 = anomalous), optionally only those inside a valid region (&gt; 0.5), which leaves out padding added when
/// an image was letterboxed to the model's size. Computed as the Mann–Whitney probability that an anomalous pixel
/// outscores a normal one, ties counted half — the same value <see cref="RocAuc"/> gives — by one sort of the
/// pixel scores, so a test set of ~5 million pixels takes about a second, not the curve's per-threshold lists.
/// </summary>
public static class PixelRocAuc
{
    public static double Of(IReadOnlyList<float[]> maps, IReadOnlyList<float[]> masks, IReadOnlyList<float[]>? validRegions = null)
    {
        var (scores, labels) = Pixels(maps, masks, validRegions);
        Array.Sort(scores, labels);

        // Walk the scores upwards one tie group at a time: each anomalous pixel of a group beats every normal pixel
        // below the group and ties half of the group's normal ones.
        double pairsWon = 0;
        long normalBelow = 0, anomalous = 0;
        for (var start = 0; start < scores.Length;)
        {
            var end = start;
            long groupAnomalous = 0;
            while (end < scores.Length && scores[end] == scores[start])
            {
                if (labels[end]) groupAnomalous++;
                end++;
            }
            var groupNormal = end - start - groupAnomalous;
            pairsWon += groupAnomalous * (normalBelow + groupNormal / 2.0);
            normalBelow += groupNormal;
            anomalous += groupAnomalous;
            start = end;
        }

        if (anomalous == 0 || normalBelow == 0)
            throw new ArgumentException(
                $"Pixel ROC-AUC needs anomalous and normal pixels; the masks mark {anomalous} of {scores.Length} counted pixels anomalous.", nameof(masks));
        return pairsWon / ((double)anomalous * normalBelow);
    }

    private static (float[] Scores, bool[] Labels) Pixels(IReadOnlyList<float[]> maps, IReadOnlyList<float[]> masks, IReadOnlyList<float[]>? validRegions)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(masks);
        if (maps.Count != masks.Count)
            throw new ArgumentException($"There are {maps.Count} maps but {masks.Count} masks; each map needs one mask.", nameof(masks));
        if (validRegions is not null && validRegions.Count != maps.Count)
            throw new ArgumentException($"There are {maps.Count} maps but {validRegions.Count} valid regions; each map needs one.", nameof(validRegions));

        long total = 0;
        for (var i = 0; i < maps.Count; i++)
        {
            if (masks[i].Length != maps[i].Length || (validRegions is not null && validRegions[i].Length != maps[i].Length))
                throw new ArgumentException($"Map {i} has {maps[i].Length} pixels but its mask or valid region another count; they must be the same size.", nameof(masks));
            total += validRegions is null ? maps[i].Length : validRegions[i].Count(v => v > 0.5f);
        }

        var scores = new float[total];
        var labels = new bool[total];
        var n = 0;
        for (var i = 0; i < maps.Count; i++)
        {
            for (var p = 0; p < maps[i].Length; p++)
            {
                if (validRegions is not null && validRegions[i][p] <= 0.5f)
                    continue;
                var score = maps[i][p];
                if (!float.IsFinite(score))
                    throw new ArgumentException($"Map {i} has the non-finite score {score} at pixel {p}; scores must be finite numbers.", nameof(maps));
                scores[n] = score;
                labels[n++] = masks[i][p] > 0.5f;
            }
        }
        if (total == 0)
            throw new ArgumentException("Pixel ROC-AUC of no pixels is undefined: there are no maps or no valid pixels.", nameof(maps));
        return (scores, labels);
    }
}
