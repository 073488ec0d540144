namespace KukaPortal.Ml.Images;

/// <summary>
/// The anomaly-map value a heatmap draws fully red: twice the 99.9th percentile of the map values of held-out NORMAL
/// images. Normal parts then stay mostly unpainted, and the scale is the same for every image the detector scores,
/// so two heatmaps can be compared by eye.
/// </summary>
public static class MapSaturation
{
    private const double Quantile = 0.999;

    public static double Of(IEnumerable<float[]> normalMaps)
    {
        var values = normalMaps.SelectMany(m => m).Where(float.IsFinite).ToArray();
        if (values.Length == 0)
            return 1;
        Array.Sort(values);
        var high = values[(int)Math.Min(values.Length - 1, Math.Floor(Quantile * values.Length))];
        return high > 0 ? 2 * high : 1;
    }
}
