using KukaPortal.Core.Formats;
using KukaPortal.Core.Metrics;
using KukaPortal.Core.Windowing;
using KukaPortal.Ml.Scoring;

namespace KukaPortal.Cli.Commands.Evaluation;

/// <summary>
/// Scores labelled recordings and computes window- and point-level metrics over all of them together.
/// For the point level the recordings are laid end to end (each window shifted by the rows before its
/// recording), so no window spans two files and every sample keeps its own window's score.
/// </summary>
internal static class Evaluator
{
    public const string Mapping = "Point level: each sample takes the score of the first completed window containing it; samples no window covers are excluded.";

    public static EvaluationResult Run(Detector detector, string modelName, IReadOnlyList<ParsedRecording> recordings, CancellationToken ct)
    {
        var windowScores = new List<double>();
        var windowLabels = new List<bool>();
        var shiftedWindows = new List<WindowSpan>();
        var sampleLabels = new List<bool>();
        var inputs = new List<EvaluatedInput>();
        foreach (var recording in recordings)
        {
            var labels = recording.Series.Labels
                ?? throw CommandFailure.Rejected($"{recording.SourceName} has no labels; evaluate needs a label column (see --label-column).");
            var scores = RecordingScores.All(detector, recording, stride: null, ct);
            var spans = scores.Select(s => new WindowSpan(s.Index, s.StartRow, s.EndRow - s.StartRow)).ToList();
            windowScores.AddRange(scores.Select(s => s.Score));
            windowLabels.AddRange(WindowLabels.Of(recording.Series, spans));
            shiftedWindows.AddRange(spans.Select(s => s with { Index = shiftedWindows.Count + s.Index, StartRow = sampleLabels.Count + s.StartRow }));
            sampleLabels.AddRange(labels);
            inputs.Add(new EvaluatedInput(recording.SourceName, recording.Series.Rows, spans.Count));
        }

        try
        {
            var windowLevel = DetectionMetrics.Compute(windowScores, windowLabels, detector.Threshold);
            var pointLevel = PointLevelMetrics.Compute(shiftedWindows, windowScores, sampleLabels, detector.Threshold);
            return new EvaluationResult(modelName, detector.Threshold, detector.Metadata.Threshold.Strategy, detector.Window,
                detector.Metadata.ScoringStride, inputs, MetricsSummary.Of(windowLevel), MetricsSummary.Of(pointLevel.Metrics),
                pointLevel.ExcludedSamples, Mapping);
        }
        catch (ArgumentException e)
        {
            // Both classes are needed: AP and ROC-AUC are undefined on all-normal or all-anomalous data.
            throw CommandFailure.Rejected($"The inputs cannot be evaluated: {e.Message}");
        }
    }
}
