using KukaPortal.Core.Windowing;

namespace KukaPortal.Ml.Training;

/// <summary>
/// Splits the windows of a normal recording into training and held-out windows. The held-out windows are
/// the last ones, contiguous, and training windows that overlap the first held-out window are dropped, so
/// no sample the threshold is computed on was seen in training (windows overlap at stride W/3).
/// </summary>
public sealed record HoldOutSplit(IReadOnlyList<WindowSpan> Training, IReadOnlyList<WindowSpan> HeldOut)
{
    /// <summary>Rows before the held-out part: what the scaler may be fitted on.</summary>
    public int TrainingRows => HeldOut[0].StartRow;

    public static HoldOutSplit Of(int rows, int window, int stride, double heldOutFraction) =>
        Of([rows], window, stride, heldOutFraction);

    /// <summary>
    /// The same split over segments laid end to end (several recordings, or parts of them): windows never
    /// cross a join, and the held-out windows come from the end of the last segment(s).
    /// </summary>
    public static HoldOutSplit Of(IReadOnlyList<int> segmentRows, int window, int stride, double heldOutFraction)
    {
        var rows = segmentRows.Sum();
        var spans = SegmentWindows.Slice(segmentRows, window, stride);
        var heldOutCount = (int)Math.Ceiling(spans.Count * heldOutFraction);
        var firstHeldOut = spans.Count - heldOutCount;
        var training = spans.Take(Math.Max(0, firstHeldOut))
            .Where(s => heldOutCount > 0 && s.EndRow <= spans[firstHeldOut].StartRow)
            .ToArray();
        if (heldOutCount == 0 || training.Length < 2) // BatchNorm needs two windows
            throw new ArgumentException(
                $"A normal recording of {rows} rows gives {spans.Count} windows of {window} rows at stride {stride}: " +
                "too few to train on some and hold out others. Provide more normal data or a smaller window.");

        var heldOut = spans.Skip(firstHeldOut).Select((s, i) => s with { Index = i }).ToArray();
        return new HoldOutSplit(training, heldOut);
    }
}
