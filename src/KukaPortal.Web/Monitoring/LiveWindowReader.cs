using KukaPortal.Core.Series;
using KukaPortal.Data;
using KukaPortal.Data.Alarms;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Monitoring;

/// <summary>
/// What the live score chart opens with: the asset's windows of the last N minutes and the alarm periods
/// that overlap them. The range ends at the asset's latest window (not the wall clock), because a batch
/// scoring run stamps its windows from the job's start onwards and a quiet asset should still show its last
/// activity. A range with more windows than a chart can draw is thinned by <see cref="MinMaxDownsampler"/>,
/// which keeps every spike.
/// </summary>
public sealed class LiveWindowReader(IDbContextFactory<PortalDbContext> dbFactory, AlarmPeriodReader alarmPeriods, TimeProvider time)
{
    /// <summary>Most windows read for one range (the latest ones): bounds the query however fast an asset is scored.</summary>
    public const int MaxRead = 50_000;

    /// <summary>Most points sent to the browser; more are downsampled to this.</summary>
    public const int MaxPoints = 2_000;

    public async Task<LiveWindows> ReadAsync(int assetId, int minutes, CancellationToken ct)
    {
        if (LiveRange.Validate(minutes) is { } problem) throw new ArgumentOutOfRangeException(nameof(minutes), minutes, problem);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var assetWindows = db.WindowScores.AsNoTracking().Where(w => w.AssetId == assetId);
        var latest = await assetWindows.OrderByDescending(w => w.Sequence).Select(w => new { w.Sequence, w.At }).FirstOrDefaultAsync(ct);
        var end = latest?.At ?? time.GetUtcNow();
        var from = end - TimeSpan.FromMinutes(minutes);

        var windows = await assetWindows
            .Where(w => w.At >= from)
            .OrderByDescending(w => w.Sequence)
            .Take(MaxRead)
            .Select(MonitoringHub.Point)
            .ToListAsync(ct);
        windows.Reverse();
        var shown = windows.Count <= MaxPoints ? windows : Downsample(windows);
        var periods = await ReadPeriodsAsync(assetId, from, ct);
        return new LiveWindows(from, shown, windows.Count, latest?.Sequence ?? 0, periods);
    }

    /// <summary>The alarm periods from <paramref name="from"/> on. Alarms are raised at the wall-clock time, so nothing is raised after now.</summary>
    public async Task<IReadOnlyList<AlarmPeriodView>> ReadPeriodsAsync(int assetId, DateTimeOffset from, CancellationToken ct)
    {
        var to = time.GetUtcNow();
        var periods = await alarmPeriods.ReadAsync(assetId, from, to > from ? to : from, ct);
        return periods.Select(p => new AlarmPeriodView(p.AlarmId, p.RaisedAt, p.ClearedAt, p.State.ToString(), p.Acknowledged)).ToList();
    }

    /// <summary>Keeps each bucket's lowest and highest window by calibrated score; x is the window's position, so a kept point maps back to its window.</summary>
    private static List<WindowPoint> Downsample(List<WindowPoint> windows) =>
        MinMaxDownsampler.Downsample(windows.Count, i => i, i => windows[i].Calibrated, MaxPoints)
            .Select(p => windows[(int)p.X])
            .ToList();
}
