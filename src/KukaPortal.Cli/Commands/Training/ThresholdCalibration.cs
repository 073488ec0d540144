using KukaPortal.Core.Formats;
using KukaPortal.Core.Thresholds;
using KukaPortal.Core.Windowing;
using KukaPortal.Ml.Scoring;

namespace KukaPortal.Cli.Commands.Training;

/// <summary>
/// Chooses the f1max or budget threshold from the trained detector's scores of the --validation recordings.
/// Windows are the detector's scoring windows (stride W, no overlap), so summing their lengths gives the
/// time the normal scores span without counting any sample twice.
/// </summary>
internal static class ThresholdCalibration
{
    /// <summary>Strategies that need --validation: the trainer does not expose its own held-out windows.</summary>
    public static bool NeedsValidation(ThresholdStrategy strategy) => strategy is F1MaxStrategy or BudgetStrategy;

    public static ThresholdChoice Choose(Detector detector, ThresholdStrategy strategy, IReadOnlyList<ParsedRecording> validation, CancellationToken ct)
    {
        var data = Collect(detector, strategy, validation, ct);
        try
        {
            return strategy.Choose(data);
        }
        catch (ArgumentException e)
        {
            throw CommandFailure.Rejected($"The '{strategy}' threshold could not be chosen from the validation data: {e.Message}");
        }
    }

    private static ThresholdData Collect(Detector detector, ThresholdStrategy strategy, IReadOnlyList<ParsedRecording> validation, CancellationToken ct)
    {
        var scores = new List<double>();
        var labels = new List<bool>();
        var normalScores = new List<double>();
        var normalSeconds = 0.0;
        foreach (var recording in validation)
        {
            var windows = RecordingScores.All(detector, recording, stride: null, ct);
            var spans = windows.Select(w => new WindowSpan(w.Index, w.StartRow, w.EndRow - w.StartRow)).ToList();
            // Without labels every window counts as normal: an unlabelled validation file is normal data.
            var anomalous = recording.Series.Labels is null ? new bool[spans.Count] : WindowLabels.Of(recording.Series, spans);
            var secondsPerRow = strategy is BudgetStrategy ? SecondsPerRow(recording) : 0;
            for (var i = 0; i < windows.Count; i++)
            {
                scores.Add(windows[i].Score);
                labels.Add(anomalous[i]);
                if (anomalous[i]) continue;
                normalScores.Add(windows[i].Score);
                normalSeconds += spans[i].Length * secondsPerRow;
            }
        }
        return new ThresholdData
        {
            ValidationScores = scores,
            ValidationLabels = labels,
            NormalScores = normalScores,
            NormalHours = normalSeconds / 3600,
        };
    }

    private static double SecondsPerRow(ParsedRecording recording)
    {
        var series = recording.Series;
        if (series.Timestamps is not { } t || series.Rows < 2 || !(t[^1] > t[0]))
            throw CommandFailure.Rejected($"{recording.SourceName}: a 'budget' threshold needs increasing timestamps in the validation recording to count alarms per hour.");
        return (t[^1] - t[0]) / (series.Rows - 1);
    }
}
