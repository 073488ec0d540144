using KukaPortal.Core.Windowing;

namespace KukaPortal.Core.Metrics;

/// <summary>Turns window scores into sample scores for point-level metrics.</summary>
public static class PointScoreMapping
{
    /// <summary>
    /// Gives each sample the score of the first completed window that contains it: among the windows
    /// covering the sample, the one with the smallest <see cref="WindowSpan.EndRow"/> (ties: the one
    /// listed first). That is the score a live monitor knows earliest for the sample, so point-level
    /// metrics measure what operators could have seen, not a maximum taken with hindsight.
    /// Samples no window covers are excluded and counted in <see cref="PointScores.UncoveredRows"/>.
    /// </summary>
    /// <param name="windows">Windows over rows [0, <paramref name="rowCount"/>), in any order.</param>
    /// <param name="windowScores">One score per window, same order.</param>
    /// <param name="rowCount">Samples in the recording.</param>
    public static PointScores FirstCompletedWindow(IReadOnlyList<WindowSpan> windows, IReadOnlyList<double> windowScores, int rowCount)
    {
        Check(windows, windowScores, rowCount);

        var byEnd = Enumerable.Range(0, windows.Count).OrderBy(i => windows[i].EndRow).ToArray();
        var score = new double[rowCount];
        var covered = new bool[rowCount];
        // nextFree[r] leads to the first row ≥ r not yet scored (rowCount when none), with path
        // halving, so heavily overlapping windows do not revisit rows already given an earlier score.
        var nextFree = Enumerable.Range(0, rowCount + 1).ToArray();
        foreach (var w in byEnd)
        {
            var span = windows[w];
            for (var r = FindFree(nextFree, span.StartRow); r < span.EndRow; r = FindFree(nextFree, r))
            {
                score[r] = windowScores[w];
                covered[r] = true;
                nextFree[r] = r + 1;
            }
        }

        var rows = new List<int>(rowCount);
        var scores = new List<double>(rowCount);
        for (var r = 0; r < rowCount; r++)
        {
            if (!covered[r]) continue;
            rows.Add(r);
            scores.Add(score[r]);
        }
        return new PointScores(rows, scores, rowCount - rows.Count);
    }

    private static int FindFree(int[] nextFree, int row)
    {
        while (nextFree[row] != row)
        {
            nextFree[row] = nextFree[nextFree[row]];
            row = nextFree[row];
        }
        return row;
    }

    private static void Check(IReadOnlyList<WindowSpan> windows, IReadOnlyList<double> windowScores, int rowCount)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(windowScores);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        if (windows.Count != windowScores.Count)
            throw new ArgumentException($"There are {windows.Count} windows but {windowScores.Count} scores; each window needs one score.", nameof(windowScores));
        foreach (var span in windows)
            if (span.Length < 1 || span.StartRow < 0 || span.EndRow > rowCount)
                throw new ArgumentOutOfRangeException(nameof(windows), $"Window {span.Index} covers rows {span.StartRow}..{span.EndRow}, outside a recording of {rowCount} rows.");
    }
}
