using KukaPortal.Core.Alarms;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Training;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Training;

/// <summary>What retraining from operator feedback found: the row ranges it adds and why others were left out.</summary>
public sealed record FalseAlarmFeedback(IReadOnlyList<TrainingSegment> Segments, IReadOnlyList<string> Skipped)
{
    public static readonly FalseAlarmFeedback None = new([], []);
}

/// <summary>
/// Finds the raw rows behind the alarms operators classified as false alarms, so a retrained model learns
/// them as normal. An alarm raised by a batch scoring job maps to its job's stored recording, rows from the
/// first to the last of its windows. Alarms of live streams are skipped: their samples live in chunks that
/// retention removes, and training reads stored recordings only.
/// </summary>
public static class FalseAlarmSegments
{
    public static async Task<FalseAlarmFeedback> FindAsync(PortalDbContext db, int assetId, IReadOnlyCollection<string> channels, int window, CancellationToken ct)
    {
        var alarms = await db.Alarms.AsNoTracking()
            .Where(a => a.AssetId == assetId && a.Classification == AlarmClassification.FalseAlarm)
            .OrderBy(a => a.RaisedAt)
            .Select(a => new { a.Id, a.RunId, a.FirstWindowIndex, a.LastWindowIndex })
            .ToListAsync(ct);
        var segments = new List<TrainingSegment>();
        var skipped = new List<string>();
        foreach (var alarm in alarms)
        {
            var recording = alarm.RunId is null ? null : await db.Jobs.AsNoTracking()
                .Where(j => j.Id == alarm.RunId && j.Kind == JobKind.Score && j.AssetId == assetId)
                .Join(db.Recordings, j => j.RecordingId, r => r.Id, (j, r) => r)
                .SingleOrDefaultAsync(ct);
            if (recording is null)
            {
                skipped.Add($"Alarm {alarm.Id} came from a live stream, whose raw samples are not kept as a recording.");
                continue;
            }
            if (!recording.Channels.ToHashSet().SetEquals(channels))
            {
                skipped.Add($"Alarm {alarm.Id}: '{recording.FileName}' has other channels than the training recordings.");
                continue;
            }
            var rows = await db.WindowScores.AsNoTracking()
                .Where(w => w.RunId == alarm.RunId && w.WindowIndex >= alarm.FirstWindowIndex && w.WindowIndex <= alarm.LastWindowIndex)
                .GroupBy(w => 1)
                .Select(g => new { Start = g.Min(w => w.StartRow), End = g.Max(w => w.EndRow) })
                .SingleOrDefaultAsync(ct);
            if (rows is null)
                skipped.Add($"Alarm {alarm.Id}: its scored windows are no longer stored (score retention).");
            else if (rows.End - rows.Start < window)
                skipped.Add($"Alarm {alarm.Id}: its {rows.End - rows.Start} rows are fewer than one window of {window}.");
            else
                segments.Add(new TrainingSegment(recording.Id, rows.Start, rows.End, alarm.Id));
        }
        return new FalseAlarmFeedback(segments, skipped);
    }
}
