using KukaPortal.Web.Monitoring;

namespace KukaPortal.Web.Components.Training;

/// <summary>
/// The loss points of one training job as the page holds them: stored points first, then pushes, one
/// point per iteration (a push may repeat a stored point, and a retried attempt repeats iterations).
/// </summary>
public sealed class LossHistory(Guid jobId)
{
    private readonly SortedDictionary<int, LossPoint> _points = [];

    public Guid JobId { get; } = jobId;
    public int Count => _points.Count;
    public IReadOnlyCollection<LossPoint> Points => _points.Values;
    public bool HasDiscriminator => _points.Values.Any(p => p.DiscriminatorLoss is not null);

    /// <summary>Adds the points; returns whether anything changed.</summary>
    public bool Add(IEnumerable<LossPoint> points)
    {
        var changed = false;
        foreach (var point in points)
        {
            if (_points.TryGetValue(point.Iteration, out var known) && known == point) continue;
            _points[point.Iteration] = point;
            changed = true;
        }
        return changed;
    }
}
