using KukaPortal.Core.Metrics;
using KukaPortal.Core.Series;
using KukaPortal.Core.Thresholds;
using KukaPortal.Core.Windowing;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Scoring;
using KukaPortal.Ml.Training;
using static TorchSharp.torch;

namespace KukaPortal.Cli.Commands.Experiments.Benchmarks;

/// <summary>
/// Trains one detector on a benchmark's normal data and scores every test case the way a live monitor would
/// see it: windows at stride 1, each sample taking the score of the first completed window that contains it
/// (the window that ends on it; the first W − 1 samples of a recording share the first window's score).
/// Synchronous: torch work stays on the calling thread (GUIDE §4).
/// </summary>
internal static class DatasetBenchmark
{
    private const double ThresholdQuantile = 0.99;

    public static ModelResult Run(BenchmarkData data, DetectorSettings settings, Device device, Action<TrainingProgress>? onProgress, CancellationToken ct)
    {
        using var detector = DetectorTrainer.Train(data.Training, settings, device, onProgress, ct);
        if (data.ThresholdNormal is { } normal)
        {
            var normalScores = SampleScores(detector, normal, ct).Scores;
            detector.ApplyThreshold(new ThresholdChoice(Quantile.Of(normalScores, ThresholdQuantile), "quantile:0.99 of the normal threshold recording's sample scores"));
        }

        var cases = new List<CaseResult>();
        var pooledScores = new List<double>();
        var pooledLabels = new List<bool>();
        foreach (var testCase in data.Cases)
        {
            ct.ThrowIfCancellationRequested();
            var points = SampleScores(detector, testCase.Series, ct);
            var labels = points.Rows.Select(r => testCase.Labels[r]).ToArray();
            cases.Add(Evaluate(testCase.Name, points.Scores, labels, detector.Threshold));
            pooledScores.AddRange(points.Scores);
            pooledLabels.AddRange(labels);
        }

        var training = detector.Metadata.Training;
        return new ModelResult(settings.Family.Name(), settings.Window, training.IterationsRun, training.Seconds, detector.Threshold,
            detector.Metadata.Threshold.Strategy, cases, Evaluate("all cases", pooledScores, pooledLabels, detector.Threshold));
    }

    private static PointScores SampleScores(Detector detector, TimeSeries series, CancellationToken ct)
    {
        var windows = detector.ScoreBatches(series, stride: 1, batchSize: 512, ct).SelectMany(batch => batch).ToList();
        var spans = windows.Select(w => new WindowSpan(w.Index, w.StartRow, w.EndRow - w.StartRow)).ToList();
        return PointScoreMapping.FirstCompletedWindow(spans, windows.Select(w => w.Score).ToList(), series.Rows);
    }

    private static CaseResult Evaluate(string name, IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double threshold)
    {
        var counts = ConfusionCounts.At(scores, labels, threshold);
        var normal = counts.FalsePositives + counts.TrueNegatives;
        var anomalous = counts.TruePositives + counts.FalseNegatives;
        double? ap = null, auc = null;
        if (normal > 0 && anomalous > 0)
        {
            var metrics = DetectionMetrics.Compute(scores, labels);
            ap = metrics.AveragePrecision;
            auc = metrics.RocAuc;
        }
        return new CaseResult(name, normal, anomalous, Share(counts.FalsePositives, normal), Share(counts.TruePositives, anomalous), ap, auc);
    }

    private static double Share(int part, int whole) => whole == 0 ? double.NaN : (double)part / whole;
}
