using KukaPortal.Core.Series;
using KukaPortal.Core.Windowing;
using KukaPortal.Ml.Scoring;

namespace KukaPortal.Cli.Commands.Experiments;

/// <summary>Scores and window labels of one evaluation set, gathered from parts of the normal and abnormal recordings.</summary>
internal sealed class LabelledWindows
{
    public List<double> Scores { get; } = [];
    public List<bool> Labels { get; } = [];

    public int Count => Scores.Count;
    public int Anomalous => Labels.Count(l => l);

    /// <summary>
    /// Adds the windows of <paramref name="range"/> at <paramref name="stride"/>. Normal-recording windows are
    /// normal; abnormal-recording windows are anomalous when any of their rows is labelled so, or all anomalous
    /// when the file has no labels (paper 000's KukaSlow is one all-anomalous run).
    /// </summary>
    public void Add(Detector detector, TimeSeries recording, RowRange range, int stride, bool fromAbnormal, CancellationToken ct)
    {
        var spans = PaperProtocol.Windows(range, detector.Window, stride);
        var scores = detector.ScoreBatches(SeriesRows.Of(recording, range), stride, ct: ct).SelectMany(b => b).Select(w => w.Score).ToList();
        if (scores.Count != spans.Count)
            throw new InvalidOperationException($"Scored {scores.Count} windows where the split has {spans.Count}.");
        var labels = !fromAbnormal ? new bool[spans.Count]
            : recording.Labels is null ? Enumerable.Repeat(true, spans.Count).ToArray()
            : WindowLabels.Of(recording, spans);
        Scores.AddRange(scores);
        Labels.AddRange(labels);
    }
}
