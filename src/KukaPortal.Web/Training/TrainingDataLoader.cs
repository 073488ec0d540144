using KukaPortal.Core.Series;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Training;
using KukaPortal.Ml.Training;
using KukaPortal.Web.Recordings;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Training;

/// <summary>The data a training job reads: its normal pieces laid end to end, and the labelled validation recording if any.</summary>
public sealed record TrainingData(IReadOnlyList<Recording> Normal, TrainingSegments Segments, (Recording Recording, TimeSeries Series)? Validation);

/// <summary>
/// Loads what a job's parameters name, off the torch thread. False-alarm segments come first and the chosen
/// normal recordings last, so the held-out windows that set a quantile threshold are the end of a chosen
/// normal recording, never an operator's false alarm.
/// </summary>
public static class TrainingDataLoader
{
    public static async Task<TrainingData> LoadAsync(IDbContextFactory<PortalDbContext> dbFactory, RecordingLoader loader, TrainingParameters parameters,
        Func<string, bool, Task> report, CancellationToken ct)
    {
        var ids = parameters.NormalRecordingIds.Concat(parameters.ExtraSegments.Select(s => s.RecordingId))
            .Append(parameters.ValidationRecordingId ?? parameters.NormalRecordingIds[0]).Distinct().ToArray();
        Dictionary<int, Recording> recordings;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            recordings = await db.Recordings.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);

        var series = new Dictionary<int, TimeSeries>();
        async Task<TimeSeries> Load(int id)
        {
            if (series.TryGetValue(id, out var loaded)) return loaded;
            var recording = recordings.GetValueOrDefault(id) ?? throw new InvalidOperationException($"Recording {id} was deleted after the job was queued.");
            await report($"Reading {recording.FileName}", true);
            return series[id] = await Task.Run(() => loader.Load(recording), ct);
        }

        var pieces = new List<TimeSeries>();
        foreach (var segment in parameters.ExtraSegments)
            pieces.Add(Rows(await Load(segment.RecordingId), segment.StartRow, segment.EndRow));
        foreach (var id in parameters.NormalRecordingIds)
            pieces.Add(await Load(id));
        var validation = parameters.ValidationRecordingId is { } v ? (recordings[v], await Load(v)) : ((Recording, TimeSeries)?)null;
        return new TrainingData(parameters.NormalRecordingIds.Select(id => recordings[id]).ToArray(), TrainingSegments.Of(pieces), validation);
    }

    private static TimeSeries Rows(TimeSeries series, int start, int end)
    {
        var channels = series.ChannelCount;
        return new TimeSeries(series.Channels, series.Values[(start * channels)..(end * channels)]);
    }
}
