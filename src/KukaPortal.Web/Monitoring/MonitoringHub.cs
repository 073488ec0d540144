using System.Linq.Expressions;
using KukaPortal.Data.Entities;
using KukaPortal.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Monitoring;

/// <summary>Live push to dashboards: one group per asset and one for all alarms, plus catch-up from the database after a reconnect.</summary>
[Authorize]
public sealed class MonitoringHub(IDbContextFactory<PortalDbContext> dbFactory, LiveWindowReader liveWindows) : Hub<IMonitoringClient>
{
    public const string Path = "/hubs/monitoring";

    /// <summary>Most windows one catch-up call returns; a client that is further behind calls again.</summary>
    public const int CatchUpLimit = 5000;

    /// <summary>A stored window as dashboards get it, in queries and (compiled) for pushes.</summary>
    public static readonly Expression<Func<WindowScoreRow, WindowPoint>> Point =
        w => new WindowPoint(w.Sequence, w.RunId, w.WindowIndex, w.At, w.StartSeconds, w.EndSeconds, w.Score, w.Calibrated, w.AboveThreshold);

    public static string AssetGroup(int assetId) => $"asset:{assetId}";

    /// <summary>Hears every asset's alarm changes (and nothing else): the alarm list watches the whole plant.</summary>
    public const string AlarmsGroup = "alarms";

    public Task JoinAlarms() => Groups.AddToGroupAsync(Context.ConnectionId, AlarmsGroup);

    public Task LeaveAlarms() => Groups.RemoveFromGroupAsync(Context.ConnectionId, AlarmsGroup);

    public Task JoinAsset(int assetId) => Groups.AddToGroupAsync(Context.ConnectionId, AssetGroup(assetId));

    public Task LeaveAsset(int assetId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, AssetGroup(assetId));

    /// <summary>The asset's latest <paramref name="count"/> windows (at most <see cref="CatchUpLimit"/>), oldest first: what a chart opens with.</summary>
    public async Task<IReadOnlyList<WindowPoint>> GetLatestWindows(int assetId, int count)
    {
        await using var db = await dbFactory.CreateDbContextAsync(Context.ConnectionAborted);
        var latest = await db.WindowScores.AsNoTracking()
            .Where(w => w.AssetId == assetId)
            .OrderByDescending(w => w.Sequence)
            .Take(Math.Clamp(count, 0, CatchUpLimit))
            .Select(Point)
            .ToListAsync(Context.ConnectionAborted);
        latest.Reverse();
        return latest;
    }

    /// <summary>Every stored window of the asset after <paramref name="afterSequence"/>, oldest first.</summary>
    public async Task<IReadOnlyList<WindowPoint>> GetWindowsSince(int assetId, long afterSequence)
    {
        await using var db = await dbFactory.CreateDbContextAsync(Context.ConnectionAborted);
        return await db.WindowScores.AsNoTracking()
            .Where(w => w.AssetId == assetId && w.Sequence > afterSequence)
            .OrderBy(w => w.Sequence)
            .Take(CatchUpLimit)
            .Select(Point)
            .ToListAsync(Context.ConnectionAborted);
    }

    /// <summary>The last <paramref name="minutes"/> (one of <see cref="LiveRange.Minutes"/>) of the asset's windows and alarm periods: what a live chart opens with.</summary>
    public Task<LiveWindows> GetRecentWindows(int assetId, int minutes)
    {
        // A HubException's message reaches the browser; any other exception's is hidden from it.
        if (LiveRange.Validate(minutes) is { } problem) throw new HubException(problem);
        return liveWindows.ReadAsync(assetId, minutes, Context.ConnectionAborted);
    }

    /// <summary>The asset's alarm periods from <paramref name="from"/> on: re-read by a live chart whenever an alarm changes.</summary>
    public Task<IReadOnlyList<AlarmPeriodView>> GetAlarmPeriods(int assetId, DateTimeOffset from) =>
        liveWindows.ReadPeriodsAsync(assetId, from, Context.ConnectionAborted);
}
