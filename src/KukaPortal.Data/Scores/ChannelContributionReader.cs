using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data.Scores;

/// <summary>
/// Reads the per-channel error shares of an asset's recent windows (for the heat map and reconstruction
/// views). Only windows of the model that scored the asset's latest window with contributions are returned:
/// another model may have other channels, and one heat map needs one channel axis.
/// </summary>
public sealed class ChannelContributionReader(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const int MaxWindows = 10_000;

    /// <summary>Null when the asset has no window with contributions.</summary>
    public async Task<RecentContributions?> RecentAsync(int assetId, int windows, CancellationToken ct)
    {
        if (windows < 1 || windows > MaxWindows)
            throw new ArgumentOutOfRangeException(nameof(windows), windows, $"Ask for between 1 and {MaxWindows} windows.");

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await db.WindowScores.AsNoTracking()
            .Where(w => w.AssetId == assetId && w.ChannelContributions != null)
            .OrderByDescending(w => w.Sequence)
            .Select(w => (int?)w.ModelId)
            .FirstOrDefaultAsync(ct);
        if (latest is not { } modelId) return null;

        var rows = await db.WindowScores.AsNoTracking()
            .Where(w => w.AssetId == assetId && w.ModelId == modelId && w.ChannelContributions != null)
            .OrderByDescending(w => w.Sequence)
            .Take(windows)
            .Select(w => new { w.Sequence, w.At, w.ChannelContributions, w.RunId, w.WindowIndex })
            .ToListAsync(ct);
        rows.Reverse();
        var channels = await db.Models.AsNoTracking().Where(m => m.Id == modelId).Select(m => m.ChannelNames).SingleAsync(ct) ?? [];

        return new RecentContributions(modelId, channels, rows.Select(r => r.Sequence).ToArray(), rows.Select(r => r.At).ToArray(),
            rows.Select(r => ContributionCodec.Decode(r.ChannelContributions!)).ToArray(),
            rows.Select(r => r.RunId).ToArray(), rows.Select(r => r.WindowIndex).ToArray());
    }
}
