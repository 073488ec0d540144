using KukaPortal.Core.Formats;
using KukaPortal.Ml.Runtime;
using KukaPortal.Ml.Scoring;

namespace KukaPortal.Cli.Commands;

/// <summary>
/// A detector's window scores for one recording, batch by batch, with a channel mismatch reported against the file. On
/// a CPU the batches run side by side on lanes of one libtorch thread each, as the portal's score jobs do (ADR 0011).
/// </summary>
internal static class RecordingScores
{
    public static IEnumerable<IReadOnlyList<WindowScore>> Batches(Detector detector, ParsedRecording recording, int? stride, CancellationToken ct)
    {
        // Lanes live as long as this enumeration: a few thread starts per recording, nothing next to scoring it.
        using var lanes = TorchLanes.ForScoring(detector.Device);
        IEnumerable<IReadOnlyList<WindowScore>> batches;
        try
        {
            // ScoreBatches aligns the channels eagerly, so a recording the model cannot read fails here, before any batch.
            batches = detector.ScoreBatches(recording.Series, stride, ct: ct, lanes: lanes);
        }
        catch (ArgumentException e)
        {
            throw CommandFailure.Rejected($"{recording.SourceName}: {e.Message}");
        }
        foreach (var batch in batches)
            yield return batch;
    }

    public static List<WindowScore> All(Detector detector, ParsedRecording recording, int? stride, CancellationToken ct) =>
        Batches(detector, recording, stride, ct).SelectMany(b => b).ToList();
}
