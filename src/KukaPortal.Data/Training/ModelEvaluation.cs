namespace KukaPortal.Data.Training;

/// <summary>
/// A model's metrics on a labelled validation recording, window by window (a window is anomalous when any
/// of its rows is labelled so): what the training page shows. The curve is thinned to at most 200 points.
/// </summary>
public sealed record ModelEvaluation
{
    public int RecordingId { get; init; }
    public required string RecordingName { get; init; }
    public int Windows { get; init; }
    public int AnomalousWindows { get; init; }
    public double AveragePrecision { get; init; }
    public double F1Max { get; init; }
    public double F1MaxThreshold { get; init; }
    public double RocAuc { get; init; }
    public double Threshold { get; init; }
    public double PrecisionAtThreshold { get; init; }
    public double RecallAtThreshold { get; init; }
    public double F1AtThreshold { get; init; }
    public required IReadOnlyList<CurvePoint> PrecisionRecall { get; init; }
    public required HistogramData Histogram { get; init; }
}

/// <summary>One point of the precision-recall curve.</summary>
public sealed record CurvePoint(double Recall, double Precision, double Threshold);

/// <summary>Window scores in shared log-spaced bins: <see cref="Edges"/> has one more entry than each count list.</summary>
public sealed record HistogramData(IReadOnlyList<double> Edges, IReadOnlyList<int> Normal, IReadOnlyList<int> Anomalous);
