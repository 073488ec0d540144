using KukaPortal.Core.Series;

namespace KukaPortal.Core.Preprocessing;

/// <summary>Channel means and the d × d sample covariance (n − 1) of a series, in double precision.</summary>
internal static class CovarianceMatrix
{
    /// <summary>Rows holding any non-finite value are skipped: PCA mixes all channels of a row.</summary>
    public static (double[] Means, double[] Covariance) Of(TimeSeries series)
    {
        var d = series.ChannelCount;
        var values = series.Values;
        var rows = Enumerable.Range(0, series.Rows).Where(r => IsFinite(values.AsSpan(r * d, d))).ToArray();
        if (rows.Length < 2)
            throw new InvalidOperationException($"PCA needs at least two rows without missing values; the series has {rows.Length}.");

        var means = new double[d];
        foreach (var r in rows)
            for (var c = 0; c < d; c++) means[c] += values[r * d + c];
        for (var c = 0; c < d; c++) means[c] /= rows.Length;

        // Centering first (two passes) avoids the cancellation of E[xy] − E[x]E[y] on offset signals.
        var covariance = new double[d * d];
        var centered = new double[d];
        foreach (var r in rows)
        {
            for (var c = 0; c < d; c++) centered[c] = values[r * d + c] - means[c];
            for (var i = 0; i < d; i++)
                for (var j = i; j < d; j++)
                    covariance[i * d + j] += centered[i] * centered[j];
        }
        for (var i = 0; i < d; i++)
            for (var j = i; j < d; j++)
                covariance[i * d + j] = covariance[j * d + i] = covariance[i * d + j] / (rows.Length - 1);
        return (means, covariance);
    }

    private static bool IsFinite(ReadOnlySpan<float> row)
    {
        foreach (var v in row)
            if (!float.IsFinite(v)) return false;
        return true;
    }
}
