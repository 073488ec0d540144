using System.Linq.Expressions;
using KukaPortal.Data.Entities;
using KukaPortal.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Monitoring;

/// <summary>Live push to dashboards: one group per asset and one for all alarms, plus catch-up from the database after a reconnect.</summary>
[Authorize]
public sealed class MonitoringHub(IDbContextFactory<PortalDbContext> dbFactory) : Hub<IMonitoringClient>
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
}
