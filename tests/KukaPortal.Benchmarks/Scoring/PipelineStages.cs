using System.Diagnostics;
using KukaPortal.Core.Series;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Scores;
using KukaPortal.Data.Storage;
using KukaPortal.Web.Jobs;
using KukaPortal.Web.Monitoring;
using KukaPortal.Web.Recordings;
using KukaPortal.Web.Torch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.Benchmarks.Scoring;

/// <summary>
/// The score job's stages one after the other, each timed alone with the portal's own services: read the stored
/// recording, the torch stages (<see cref="TorchStages"/>), the window records the handler builds, store, push.
/// Every measurement stores its windows under a run of its own, like a job would.
/// </summary>
internal sealed class PipelineStages(IServiceProvider services, int assetId, int batchSize)
{
    public async Task<PipelineStageTimes> MeasureAsync(int recordingId)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        Recording recording;
        DetectorModel model;
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            recording = await db.Recordings.AsNoTracking().SingleAsync(r => r.Id == recordingId);
            model = await db.Assets.AsNoTracking().Where(a => a.Id == assetId).Select(a => a.ActiveModel!).SingleAsync();
        }

        var clock = Stopwatch.StartNew();
        var series = await Task.Run(() => services.GetRequiredService<RecordingLoader>().Load(recording));
        var read = clock.Elapsed;

        var blobs = services.GetRequiredService<BlobStore>();
        var device = services.GetRequiredService<TorchStatus>().Info.ToDevice();
        var lanes = services.GetRequiredService<ScoringLanes>();
        var (torchTimes, onLanes, threshold) = await services.GetRequiredService<TorchExecutor>().RunAsync(TorchPriority.BatchScoring, () =>
        {
            using var detector = AssetDetector.Load(blobs, model, device);
            var onLanes = lanes.Lanes is { } running ? TorchStages.ForwardOnLanes(detector, series, batchSize, running) : (TimeSpan?)null;
            return (TorchStages.Measure(detector, series, batchSize), onLanes, detector.Threshold);
        });

        clock.Restart();
        var batches = Records(series, torchTimes, threshold, model.Id);
        var records = clock.Elapsed;

        var writer = services.GetRequiredService<ScoreBatchWriter>();
        var notifier = services.GetRequiredService<MonitoringNotifier>();
        TimeSpan store = default, push = default;
        foreach (var batch in batches)
        {
            clock.Restart();
            var stored = await writer.StoreAsync(batch, CancellationToken.None);
            store += clock.Elapsed;
            clock.Restart();
            await notifier.WindowsScoredAsync(assetId, stored.Rows);
            push += clock.Elapsed;
        }

        return new PipelineStageTimes(torchTimes.Windows, torchTimes.Forward, onLanes, lanes.Lanes?.Count ?? 1,
        [
            new("read the stored .npz", "RecordingLoader.Load", read),
            new("align, scale, slice", "Preprocessing.Transform + WindowSlicer.Slice", torchTimes.ScaleAndSlice),
            new("no-GC region entry", "NoGcRegion.Enter, once per batch", torchTimes.NoGcEntry),
            new("batch tensors", "WindowBatch.ToTensor", torchTimes.Tensors),
            new("forward", "WindowModel.forward", torchTimes.Forward),
            new("contributions", "WindowModel.Score beyond forward + copy out", torchTimes.Contributions),
            new("window records", "ScoredWindow per window, as ScoreJobHandler builds them", records),
            new("store", "ScoreBatchWriter.StoreAsync", store),
            new("push", "MonitoringNotifier.WindowsScoredAsync", push),
        ]);
    }

    /// <summary>What ScoreJobHandler.Produce makes of each scored batch (its alarm rule left out: a normal recording changes no condition).</summary>
    private List<ScoreBatch> Records(TimeSeries series, TorchStageTimes times, double threshold, int modelId)
    {
        var runId = Guid.NewGuid();
        var runClock = new RunClock(DateTimeOffset.UtcNow, series.TimeOf(0));
        return times.Batches.Select(b => new ScoreBatch(assetId, runId, modelId, b.Spans.Select((s, i) =>
        {
            var calibrated = b.Scores[i] / threshold;
            var endSeconds = series.TimeOf(s.EndRow - 1);
            return new ScoredWindow(s.Index, s.StartRow, s.EndRow, series.TimeOf(s.StartRow), endSeconds,
                b.Scores[i], calibrated, calibrated >= 1.0, runClock.At(endSeconds), b.Errors[i]);
        }).ToList(), [])).ToList();
    }
}

internal sealed record PipelineStage(string Stage, string Code, TimeSpan Time);

/// <param name="Forward">The bare forward passes one batch at a time on the torch thread's threads.</param>
/// <param name="ForwardOnLanes">The same, side by side on the score job's lanes; null where it runs none (Torch:ScoringLanes 1, a GPU).</param>
internal sealed record PipelineStageTimes(int Windows, TimeSpan Forward, TimeSpan? ForwardOnLanes, int Lanes, IReadOnlyList<PipelineStage> All);
