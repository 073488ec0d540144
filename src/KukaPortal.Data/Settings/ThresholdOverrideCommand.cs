using System.Globalization;
using KukaPortal.Data.Audit;
using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data.Settings;

public sealed record ThresholdChange(int AssetId, int ModelId, int ModelVersion, double Trained, double? Previous, double? Override)
{
    public bool Changed => Previous != Override;
    public double Effective => Override ?? Trained;
}

/// <summary>
/// Sets or clears (the undo) an engineer's threshold for the asset's active model, audited in the same
/// transaction. Scoring picks it up through <see cref="DetectorModel.EffectiveThreshold"/>: new jobs at
/// their start, running streams at their next tick.
/// </summary>
public sealed class ThresholdOverrideCommand(IDbContextFactory<PortalDbContext> dbFactory, AuditLog audit)
{
    /// <summary>Why a threshold cannot be used, as a sentence; null when it can. The settings page shows the same sentence.</summary>
    public static string? Problem(double threshold) => double.IsFinite(threshold) && threshold > 0 ? null
        : $"The threshold must be a positive number (a window's raw anomaly score is compared with it); it was {threshold.ToString(CultureInfo.InvariantCulture)}.";

    public Task<ThresholdChange> SetAsync(int assetId, double threshold, string user, CancellationToken ct) =>
        Problem(threshold) is { } problem
            ? throw new SettingsException(SettingsProblem.Invalid, problem)
            : ApplyAsync(assetId, threshold, user, ct);

    public Task<ThresholdChange> ClearAsync(int assetId, string user, CancellationToken ct) => ApplyAsync(assetId, null, user, ct);

    private async Task<ThresholdChange> ApplyAsync(int assetId, double? threshold, string user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.InTransactionAsync(async ct =>
        {
            var asset = await AssetRowLock.FindAsync(db, assetId, ct)
                ?? throw new SettingsException(SettingsProblem.AssetNotFound, $"There is no asset {assetId}.");
            var model = asset.ActiveModelId is { } id ? await db.Models.SingleAsync(m => m.Id == id, ct)
                : throw new SettingsException(SettingsProblem.NoActiveModel, $"{asset.Name} has no active model yet, so it has no threshold to change: train one first.");

            var change = new ThresholdChange(asset.Id, model.Id, model.Version, model.Threshold, model.ThresholdOverride, threshold);
            if (!change.Changed) return change;

            model.ThresholdOverride = threshold;
            audit.Add(db, user, AuditAction.ThresholdChanged, $"model {model.Id} (v{model.Version})", Describe(change), asset.Id);
            await db.SaveChangesAsync(ct);
            return change;
        }, ct);
    }

    private static string Describe(ThresholdChange change) => change.Override is { } value
        ? FormattableString.Invariant($"{change.Previous ?? change.Trained:G6} → {value:G6} (trained threshold {change.Trained:G6})")
        : FormattableString.Invariant($"override {change.Previous:G6} cleared; the trained threshold {change.Trained:G6} applies");
}
