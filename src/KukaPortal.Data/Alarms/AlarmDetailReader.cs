using KukaPortal.Core.Alarms;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Data.Alarms;

/// <summary>One scored window of the alarm's run, as the score trace draws it.</summary>
public sealed record AlarmTracePoint(int WindowIndex, DateTimeOffset At, double Calibrated);

/// <summary>The window of the alarm with the highest calibrated score: the one worth reconstructing.</summary>
public sealed record AlarmWorstWindow(Guid RunId, int WindowIndex, DateTimeOffset At, double Calibrated);

public sealed record AlarmHistoryEntry(long Id, AlarmEventKind Kind, AlarmState FromState, AlarmState ToState, DateTimeOffset At, string? User, string? Comment);

/// <summary>Everything the alarm's own page shows.</summary>
public sealed record AlarmDetail(
    AlarmListRow Alarm, Guid? RunId, int FirstWindowIndex, int LastWindowIndex, string? ShelveReason, string? ShelvedBy,
    string? ClassifiedBy, IReadOnlyList<AlarmHistoryEntry> Events, IReadOnlyList<AlarmTracePoint> Trace, AlarmWorstWindow? Worst);

/// <summary>
/// Reads one alarm with its full event history and the scores of its run's windows around it: from
/// <see cref="Margin"/> windows before the first to <see cref="Margin"/> after the last (or the latest,
/// while the alarm is still open). Window scores are found by (run_id, window_index), the table's key.
/// </summary>
public sealed class AlarmDetailReader(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>How many windows of context the trace shows either side of the alarm.</summary>
    public const int Margin = 30;

    /// <summary>Most windows the trace draws; a longer alarm shows its first part (its run is on the asset's history page).</summary>
    public const int MaxTracePoints = 3000;

    public async Task<AlarmDetail?> ReadAsync(long alarmId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alarm = await db.Alarms.AsNoTracking().Include(a => a.Asset).SingleOrDefaultAsync(a => a.Id == alarmId, ct);
        if (alarm is null) return null;

        var events = await db.AlarmEvents.AsNoTracking().Where(e => e.AlarmId == alarmId).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new AlarmHistoryEntry(e.Id, e.Kind, e.FromState, e.ToState, e.At, e.User, e.Comment))
            .ToListAsync(ct);

        IReadOnlyList<AlarmTracePoint> trace = [];
        AlarmWorstWindow? worst = null;
        if (alarm.RunId is { } runId)
        {
            var from = Math.Max(0, alarm.FirstWindowIndex - Margin);
            var to = alarm.LastWindowIndex + Margin;
            trace = await db.WindowScores.AsNoTracking()
                .Where(w => w.RunId == runId && w.WindowIndex >= from && w.WindowIndex <= to)
                .OrderBy(w => w.WindowIndex).Take(MaxTracePoints)
                .Select(w => new AlarmTracePoint(w.WindowIndex, w.At, w.Calibrated))
                .ToListAsync(ct);
            worst = await db.WindowScores.AsNoTracking()
                .Where(w => w.RunId == runId && w.WindowIndex >= alarm.FirstWindowIndex && w.WindowIndex <= alarm.LastWindowIndex)
                .OrderByDescending(w => w.Calibrated).ThenBy(w => w.WindowIndex)
                .Select(w => new AlarmWorstWindow(w.RunId, w.WindowIndex, w.At, w.Calibrated))
                .FirstOrDefaultAsync(ct);
        }

        var row = new AlarmListRow(alarm.Id, alarm.AssetId, alarm.Asset!.Name, alarm.RaisedAt, alarm.ReturnedAt, alarm.State, alarm.Priority,
            alarm.PeakCalibrated, alarm.Classification, alarm.AcknowledgedBy, alarm.AcknowledgedAt, alarm.ShelvedUntil);
        return new AlarmDetail(row, alarm.RunId, alarm.FirstWindowIndex, alarm.LastWindowIndex, alarm.ShelveReason, alarm.ShelvedBy,
            alarm.ClassifiedBy, events, trace, worst);
    }
}
