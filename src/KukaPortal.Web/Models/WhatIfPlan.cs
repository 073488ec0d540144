namespace KukaPortal.Web.Models;

/// <summary>A recording a what-if replay covers: all of it, or (for the one that crosses the cap) its latest rows from <see cref="FirstRow"/>.</summary>
public sealed record WhatIfPart(int RecordingId, int FirstRow, int Rows);

/// <summary>
/// Chooses what a what-if replay scores: the newest recordings first, whole, until the next would pass
/// the window cap; that one contributes only its latest rows that still fit. Replayed oldest first, as
/// they happened. The cap counts windows of the shorter model window, so neither model scores more.
/// </summary>
public static class WhatIfPlan
{
    public static (IReadOnlyList<WhatIfPart> Parts, bool Capped) Choose(IEnumerable<(int Id, int Rows)> newestFirst, int window, int maxWindows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWindows, 1);
        var budget = (long)maxWindows * window;
        var parts = new List<WhatIfPart>();
        var capped = false;
        foreach (var (id, rows) in newestFirst)
        {
            if (budget <= 0) { capped = true; break; }
            if (rows <= budget)
            {
                parts.Add(new WhatIfPart(id, 0, rows));
                budget -= rows;
                continue;
            }
            var tail = (int)budget;
            if (tail >= window) parts.Add(new WhatIfPart(id, rows - tail, tail));
            capped = true;
            break;
        }
        parts.Reverse();
        return (parts, capped);
    }
}
