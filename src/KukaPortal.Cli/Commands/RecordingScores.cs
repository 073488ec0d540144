using KukaPortal.Core.Formats;
using KukaPortal.Ml.Scoring;

namespace KukaPortal.Cli.Commands;

/// <summary>A detector's window scores for one recording, batch by batch, with a channel mismatch reported against the file.</summary>
internal static class RecordingScores
{
    public static IEnumerable<IReadOnlyList<WindowScore>> Batches(Detector detector, ParsedRecording recording, int? stride, CancellationToken ct)
    {
        try
        {
            // ScoreBatches aligns the channels eagerly, so a recording the model cannot read fails here, before any batch.
            return detector.ScoreBatches(recording.Series, stride, ct: ct);
        }
        catch (ArgumentException e)
        {
            throw CommandFailure.Rejected($"{recording.SourceName}: {e.Message}");
        }
    }

    public static List<WindowScore> All(Detector detector, ParsedRecording recording, int? stride, CancellationToken ct) =>
        Batches(detector, recording, stride, ct).SelectMany(b => b).ToList();
}
