using KukaPortal.Core.Alarms;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data.Settings;

/// <summary>The active model's trained threshold and the engineer's override, if any.</summary>
public sealed record ActiveThreshold(int ModelId, int ModelVersion, double Trained, double? Override)
{
    public double Effective => Override ?? Trained;
}

/// <summary>Everything the settings page shows of an asset, read in one go.</summary>
public sealed record AssetSettings(
    int AssetId, string AssetName, AssetAlarmMode Mode, string? ModeReason, string? ModeBy, DateTimeOffset? ModeSince,
    int AlarmOnDelayK, int AlarmOnDelayN, ActiveThreshold? Threshold);

public sealed class AssetSettingsReader(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<AssetSettings?> ReadAsync(int assetId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var asset = await db.Assets.AsNoTracking().Include(a => a.ActiveModel).SingleOrDefaultAsync(a => a.Id == assetId, ct);
        if (asset is null) return null;
        var threshold = asset.ActiveModel is { } m ? new ActiveThreshold(m.Id, m.Version, m.Threshold, m.ThresholdOverride) : null;
        return new AssetSettings(asset.Id, asset.Name, asset.AlarmMode, asset.AlarmModeReason, asset.AlarmModeBy, asset.AlarmModeSince,
            asset.AlarmOnDelayK, asset.AlarmOnDelayN, threshold);
    }
}
