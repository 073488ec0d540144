using KukaPortal.Core.Windowing;

namespace KukaPortal.Cli.Commands.Experiments;

/// <summary>
/// Paper 000's data split (§IV-C): 10 % of the normal and of the abnormal recording for validation, the rest of
/// normal for training and the rest of abnormal for test; normal windows at stride W/3, abnormal windows without
/// overlap. The paper does not say which 10 %; here every part is one contiguous block and, inside each
/// recording, the parts follow time order training → validation → test. Contiguous blocks keep overlapping
/// windows from sharing rows across parts (random windows at stride W/3 would put two thirds of a validation
/// window's rows into training), and time order means the threshold is never chosen on data recorded after
/// the data it is judged on. So normal validation is the last 10 % of normal, and abnormal validation the
/// first 10 % of abnormal.
/// The strict variant splits normal 80/10/10 so that the last 10 % are normal test windows no model or
/// threshold has seen, which lets precision and the false-alarm rate be measured.
/// </summary>
public static class PaperProtocol
{
    public const double ValidationFraction = 0.1;

    public static PaperSplit Split(int normalRows, int abnormalRows, int window, bool strict)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var normalTenth = Tenth(normalRows);
        var normalTestStart = strict ? normalRows - normalTenth : normalRows;
        var validationStart = normalTestStart - normalTenth;
        var abnormalTenth = Tenth(abnormalRows);

        var split = new PaperSplit(
            window,
            Math.Max(1, window / 3),
            new RowRange(0, validationStart),
            new RowRange(validationStart, normalTestStart),
            new RowRange(normalTestStart, normalRows),
            new RowRange(0, abnormalTenth),
            new RowRange(abnormalTenth, abnormalRows));
        RequireWindows(split, strict);
        return split;
    }

    /// <summary>The full windows inside <paramref name="range"/>, numbered from 0, in the recording's row numbers.</summary>
    public static IReadOnlyList<WindowSpan> Windows(RowRange range, int window, int stride) =>
        WindowSlicer.Slice(range.Rows, window, stride)
            .Select(s => s with { StartRow = s.StartRow + range.Start })
            .ToArray();

    private static int Tenth(int rows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        return (int)(rows * ValidationFraction);
    }

    private static void RequireWindows(PaperSplit split, bool strict)
    {
        var parts = new List<(string Name, RowRange Range)>
        {
            ("normal validation", split.NormalValidation),
            ("abnormal validation", split.AbnormalValidation),
            ("abnormal test", split.AbnormalTest),
        };
        if (strict) parts.Add(("normal test", split.NormalTest));
        foreach (var (name, range) in parts)
            if (range.Rows < split.Window)
                throw new ArgumentException(
                    $"The {name} part ({range}) has {range.Rows} rows, fewer than one window of {split.Window}: the recording is too short for W = {split.Window}.");
    }
}
