using KukaPortal.Core.Alarms;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Scores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Data.Alarms;

/// <summary>
/// Turns the alarm-condition changes of a scored batch into alarm rows and events, inside the
/// transaction that stores the batch's windows (the caller owns it). New alarms start in the state
/// their asset's alarm mode allows (active, suppressed or out of service) and take their priority
/// from the peak calibrated score, raised again whenever the peak rises.
/// </summary>
public sealed class ConditionChangeWriter(IOptions<AlarmOptions> options)
{
    public async Task<IReadOnlyList<Alarm>> ApplyAsync(PortalDbContext db, ScoreBatch batch, DateTimeOffset now, CancellationToken ct)
    {
        var bands = options.Value;
        var changed = new List<Alarm>();
        // The caller holds the asset's row lock (sequence reservation), so the mode cannot change under us.
        var mode = await db.Assets.Where(a => a.Id == batch.AssetId).Select(a => a.AlarmMode).SingleAsync(ct);
        var open = await LatestOfJob(db, batch).Where(a => a.ConditionActive).FirstOrDefaultAsync(ct);
        var changes = batch.ConditionChanges.ToDictionary(c => c.WindowIndex, c => c.Change);

        foreach (var window in batch.Windows)
        {
            changes.TryGetValue(window.WindowIndex, out var change);
            if (change == ConditionChange.Raised && open is null)
                open = await ReraiseShelvedAsync(db, batch, window, now, ct) ?? Raise(db, batch, window, mode, now);
            if (open is null) continue;
            if (!changed.Contains(open)) changed.Add(open);
            if (window.AboveThreshold)
            {
                open.LastWindowIndex = window.WindowIndex;
                open.PeakCalibrated = Math.Max(open.PeakCalibrated, window.Calibrated);
                var priority = AlarmPriorities.FromPeak(open.PeakCalibrated, bands);
                if (priority > open.Priority) open.Priority = priority;
            }
            if (change == ConditionChange.Cleared)
            {
                open.Apply(AlarmLifecycle.ReturnToNormal(open.Status), AlarmEventKind.ReturnedToNormal, now, null, null);
                open.ReturnedAt = now;
                open = null;
            }
        }
        await db.SaveChangesAsync(ct);
        return changed;
    }

    private static IQueryable<Alarm> LatestOfJob(PortalDbContext db, ScoreBatch batch) =>
        db.Alarms.Where(a => a.AssetId == batch.AssetId && a.RunId == batch.RunId).OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id);

    /// <summary>
    /// Shelving hides an alarm, not one occurrence: when the condition comes back while the alarm is
    /// still shelved, the shelved alarm takes it (and stays hidden) instead of a new, visible alarm.
    /// </summary>
    private static async Task<Alarm?> ReraiseShelvedAsync(PortalDbContext db, ScoreBatch batch, ScoredWindow window, DateTimeOffset now, CancellationToken ct)
    {
        var shelved = await LatestOfJob(db, batch).FirstOrDefaultAsync(a => a.State == AlarmState.Shelved && !a.ConditionActive, ct);
        shelved?.Apply(AlarmLifecycle.Raise(shelved.Status), AlarmEventKind.Raised, now, null,
            $"K of N windows above threshold at window {window.WindowIndex} (alarm shelved)");
        return shelved;
    }

    private Alarm Raise(PortalDbContext db, ScoreBatch batch, ScoredWindow window, AssetAlarmMode mode, DateTimeOffset now)
    {
        var status = AssetAlarmModes.RaisedStatus(mode);
        var alarm = new Alarm
        {
            AssetId = batch.AssetId, RunId = batch.RunId, State = status.State, ConditionActive = status.ConditionActive,
            RaisedAt = now, FirstWindowIndex = window.WindowIndex, LastWindowIndex = window.WindowIndex,
            PeakCalibrated = window.Calibrated, Priority = AlarmPriorities.FromPeak(window.Calibrated, options.Value),
        };
        alarm.Events.Add(new AlarmEvent
        {
            Kind = AlarmEventKind.Raised, FromState = AlarmState.Normal, ToState = status.State, At = now,
            Comment = mode == AssetAlarmMode.InService
                ? $"K of N windows above threshold at window {window.WindowIndex}"
                : $"K of N windows above threshold at window {window.WindowIndex}; not annunciated: asset is {AlarmLifecycle.Describe(status.State)}",
        });
        db.Alarms.Add(alarm);
        return alarm;
    }
}
