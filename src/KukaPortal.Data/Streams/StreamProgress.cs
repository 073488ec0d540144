using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data.Streams;

/// <summary>
/// Where a stream run's next window starts: the position a takeover resumes from. Saved in the transaction that
/// stores the windows before it (<see cref="Scores.ScoreBatch.Progress"/>), so the stored windows and the saved
/// position can never disagree, and a stream pays one commit per batch instead of two.
/// </summary>
public sealed record StreamProgress(int NextWindowIndex, long NextRow)
{
    /// <summary>
    /// Records the position in <paramref name="db"/>'s current transaction. Live chunks wholly before the next row are
    /// no longer needed and go too. A run stopped meanwhile (a new replay, DELETE) keeps its state.
    /// </summary>
    public async Task SaveAsync(PortalDbContext db, Guid runId, DateTimeOffset now, CancellationToken ct)
    {
        await db.StreamRuns.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.NextWindowIndex, NextWindowIndex)
            .SetProperty(r => r.NextRow, NextRow)
            .SetProperty(r => r.UpdatedAt, now), ct);
        await db.SampleChunks.Where(c => c.RunId == runId && c.FirstRow + c.Rows <= NextRow).ExecuteDeleteAsync(ct);
    }
}
