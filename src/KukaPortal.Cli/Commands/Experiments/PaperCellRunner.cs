using System.Diagnostics;
using KukaPortal.Core.Metrics;
using KukaPortal.Core.Series;
using KukaPortal.Ml.Scoring;
using KukaPortal.Ml.Training;
using static TorchSharp.torch;

namespace KukaPortal.Cli.Commands.Experiments;

/// <summary>
/// Trains and measures one grid cell. Training uses <see cref="DetectorTrainer"/> unchanged, so every family
/// it knows works here; it holds out its own last 10 % of the training part for a quantile threshold, which
/// the experiment ignores in favour of the F1max threshold on the protocol's validation set.
/// Synchronous torch work: call it from one thread, never across an await (GUIDE §4).
/// </summary>
internal sealed class PaperCellRunner(TimeSeries normal, TimeSeries abnormal, PaperRunOptions options, Device device)
{
    public PaperCellResult Paper(PaperCell cell, CancellationToken ct)
    {
        var split = PaperProtocol.Split(normal.Rows, abnormal.Rows, cell.Window, strict: false);
        var clock = Stopwatch.StartNew();
        using var detector = Train(cell, split, ct);
        var validation = Validation(detector, split, ct);
        var (ap, f1) = Rank(validation);

        var test = new LabelledWindows();
        test.Add(detector, abnormal, split.AbnormalTest, split.AbnormalStride, fromAbnormal: true, ct);
        var atThreshold = ThresholdMetrics.At(test.Scores, test.Labels, f1.Threshold);
        var settings = detector.Settings;
        return new PaperCellResult(cell, split, settings.Iterations, detector.Metadata.Training.IterationsRun, clock.Elapsed.TotalSeconds,
            validation.Count, validation.Anomalous, ap, f1.F1, f1.Threshold, test.Count, atThreshold.Recall, atThreshold);
    }

    public StrictCellResult Strict(PaperCell cell, CancellationToken ct)
    {
        var split = PaperProtocol.Split(normal.Rows, abnormal.Rows, cell.Window, strict: true);
        var clock = Stopwatch.StartNew();
        using var detector = Train(cell, split, ct);
        var (ap, f1) = Rank(Validation(detector, split, ct));

        var test = new LabelledWindows();
        test.Add(detector, normal, split.NormalTest, split.NormalStride, fromAbnormal: false, ct);
        var normalTest = test.Count;
        test.Add(detector, abnormal, split.AbnormalTest, split.AbnormalStride, fromAbnormal: true, ct);
        var atThreshold = ThresholdMetrics.At(test.Scores, test.Labels, f1.Threshold);
        var counts = atThreshold.Counts;
        var falseAlarmRate = counts.FalsePositives + counts.TrueNegatives == 0 ? 0 : (double)counts.FalsePositives / (counts.FalsePositives + counts.TrueNegatives);
        return new StrictCellResult(cell, split, clock.Elapsed.TotalSeconds, ap, f1.F1, f1.Threshold, normalTest, test.Count - normalTest, atThreshold, falseAlarmRate);
    }

    private Detector Train(PaperCell cell, PaperSplit split, CancellationToken ct) =>
        DetectorTrainer.Train(SeriesRows.Of(normal, split.NormalTraining), options.Settings(cell), device, onProgress: null, ct);

    private LabelledWindows Validation(Detector detector, PaperSplit split, CancellationToken ct)
    {
        var validation = new LabelledWindows();
        validation.Add(detector, normal, split.NormalValidation, split.NormalStride, fromAbnormal: false, ct);
        validation.Add(detector, abnormal, split.AbnormalValidation, split.AbnormalStride, fromAbnormal: true, ct);
        return validation;
    }

    private static (double Ap, F1MaxResult F1) Rank(LabelledWindows validation) =>
        (AveragePrecision.Of(validation.Scores, validation.Labels), F1Max.Of(validation.Scores, validation.Labels));
}
