using KukaPortal.Core.Metrics;
using KukaPortal.Core.Series;
using KukaPortal.Core.Thresholds;
using KukaPortal.Core.Windowing;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Training;
using KukaPortal.Ml.Scoring;

namespace KukaPortal.Web.Training;

/// <summary>
/// Measures a freshly trained detector on a labelled validation recording, window by window at the scoring
/// stride, as paper 000 does; with the f1max strategy it first moves the detector's threshold to the F1
/// maximum on that recording. Runs on the torch thread.
/// </summary>
public static class ValidationEvaluator
{
    public const int CurvePoints = 200;
    public const int HistogramBins = 40;

    public static ModelEvaluation Evaluate(Detector detector, Recording recording, TimeSeries validation, ThresholdStrategy strategy, CancellationToken ct)
    {
        var windows = detector.ScoreBatches(validation, ct: ct).SelectMany(b => b).ToArray();
        var scores = windows.Select(w => w.Score).ToArray();
        var labels = WindowLabels.Of(validation, windows.Select(w => new WindowSpan(w.Index, w.StartRow, w.EndRow - w.StartRow)).ToArray());
        if (labels.All(l => l) || !labels.Any(l => l))
            throw new InvalidOperationException($"The windows of '{recording.FileName}' are all {(labels[0] ? "anomalous" : "normal")}; validation needs both.");
        if (strategy is F1MaxStrategy)
            detector.ApplyThreshold(strategy.Choose(new ThresholdData { ValidationScores = scores, ValidationLabels = labels }));

        var metrics = DetectionMetrics.Compute(scores, labels, detector.Threshold);
        var histogram = ScoreHistogram.Of(scores, labels, HistogramBins);
        var atThreshold = metrics.AtThreshold!;
        return new ModelEvaluation
        {
            RecordingId = recording.Id,
            RecordingName = recording.FileName,
            Windows = metrics.Samples,
            AnomalousWindows = metrics.Anomalous,
            AveragePrecision = metrics.AveragePrecision,
            F1Max = metrics.F1Max,
            F1MaxThreshold = metrics.F1MaxThreshold,
            RocAuc = metrics.RocAuc,
            Threshold = detector.Threshold,
            PrecisionAtThreshold = atThreshold.Precision,
            RecallAtThreshold = atThreshold.Recall,
            F1AtThreshold = atThreshold.F1,
            PrecisionRecall = CurveSampling.Downsample(metrics.PrecisionRecallCurve, CurvePoints)
                .Select(p => new CurvePoint(p.Recall, p.Precision, p.Threshold)).ToArray(),
            Histogram = new HistogramData(histogram.Edges, histogram.Normal, histogram.Anomalous),
        };
    }
}
