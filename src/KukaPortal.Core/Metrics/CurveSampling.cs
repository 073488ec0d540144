namespace KukaPortal.Core.Metrics;

/// <summary>
/// Thins a curve to at most a given number of points for storage and drawing: evenly spaced by index,
/// always keeping the first and the last point so the curve's ends stay where they are.
/// </summary>
public static class CurveSampling
{
    public static IReadOnlyList<T> Downsample<T>(IReadOnlyList<T> points, int maxPoints)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 2);
        if (points.Count <= maxPoints) return points.ToArray();
        var result = new T[maxPoints];
        for (var i = 0; i < maxPoints; i++)
            result[i] = points[(int)Math.Round((double)i * (points.Count - 1) / (maxPoints - 1))];
        return result;
    }
}
