using System.Diagnostics;
using System.Threading.Channels;
using KukaPortal.Core.Alarms;
using KukaPortal.Core.Series;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Jobs;
using KukaPortal.Data.Scores;
using KukaPortal.Data.Storage;
using KukaPortal.Ml.Scoring;
using KukaPortal.Web.Monitoring;
using KukaPortal.Web.Recordings;
using KukaPortal.Web.Torch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Jobs;

/// <summary>
/// Scores a recording window by window with the asset's active model. The torch thread produces
/// batches (scores plus the alarm rule's decisions); this task stores each batch in one transaction
/// and pushes it. The bounded channel between them keeps the scorer from running ahead of storage.
/// A retry continues after the last window an earlier attempt stored, with the alarm rule's memory
/// rebuilt from the stored windows, so nothing is scored, stored or alarmed twice.
/// </summary>
public sealed class ScoreJobHandler(
    IDbContextFactory<PortalDbContext> dbFactory, RecordingLoader loader, TorchExecutor torch, TorchStatus torchStatus,
    BlobStore blobs, DetectorCache detectors, ScoringLanes lanes, BatchScoringPipeline pipeline, ModelChannelNames channelNames, JobStore jobs, MonitoringNotifier notifier, IOptions<WorkerOptions> options,
    ILogger<ScoreJobHandler> logger)
    : IJobHandler
{
    public JobKind Kind => JobKind.Score;

    public async Task RunAsync(Job job, JobProgressReporter progress, CancellationToken ct)
    {
        TorchGuard.EnsureAvailable(torchStatus);
        Recording recording;
        Asset asset;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            recording = await db.Recordings.AsNoTracking().SingleAsync(r => r.Id == job.RecordingId, ct);
            asset = await db.Assets.AsNoTracking().Include(a => a.ActiveModel).SingleAsync(a => a.Id == job.AssetId, ct);
        }
        var model = asset.ActiveModel ?? throw new JobFailedException($"Asset '{asset.Name}' has no trained model yet: train one on normal data first.");

        await progress.ReportAsync(0, $"Reading {recording.FileName}", null, ct, force: true);
        var series = await Task.Run(() => loader.Load(recording), ct);
        var resume = await ScoringResume.LoadAsync(dbFactory, job.Id, asset.AlarmOnDelayN, ct);

        var stored = await pipeline.RunAsync((output, token) => Produce(job, asset, model, series, resume, output, options.Value.ScoringBatchSize, token),
            resume.NextWindow, series.Rows / model.Window, "windows", progress, ct);

        await jobs.CompleteAsync(job.Id, model.Id, $"{stored} windows scored with model v{model.Version}", ct);
        job.State = JobState.Succeeded;
        job.Progress = 1;
        job.Message = $"{stored} windows scored";
        await notifier.JobProgressAsync(job);
    }

    private void Produce(Job job, Asset asset, DetectorModel model, TimeSeries series, ScoringResume resume, ChannelWriter<ScoreBatch> output, int batchSize, CancellationToken ct)
    {
        // Where the torch thread's time goes (logged at the end; the pipeline bench reports it): loading the model,
        // aligning and scaling the recording, scoring each batch (no-GC region, window tensor, forward, contributions),
        // the window records with the alarm rule, live streams' work run in between, and waiting for room in the channel.
        var loading = Stopwatch.StartNew();
        var scoring = new Stopwatch();
        var recording = new Stopwatch();
        var streams = new Stopwatch();
        var waiting = new Stopwatch();
        // Held from the portal's cache: the next job with this model reads no file (live work between batches cannot evict it).
        using var held = detectors.Hold(blobs, model, torchStatus.Info.ToDevice());
        var detector = held.Detector;
        // Once per job, before the first window: the names the stored contributions are ordered by.
        // Blocking is fine here (one short UPDATE on the torch thread, which waits on storage anyway).
        channelNames.RecordAsync(model.Id, detector.Preprocessing.OutputChannels, ct).GetAwaiter().GetResult();
        var rule = resume.Rule(asset.AlarmOnDelayK, asset.AlarmOnDelayN);
        // The job's windows happen at job creation + their offset in the recording: fixed per job, so a
        // retried job stores its windows with the same times (and keys) as the first attempt.
        var clock = new RunClock(job.CreatedAt, series.TimeOf(0));
        loading.Stop();
        var preparing = Stopwatch.StartNew();
        var pausedBefore = GC.GetTotalPauseDuration();
        var batches = detector.ScoreBatches(series, stride: null, batchSize, ct, resume.NextWindow, lanes.Lanes); // aligns, scales and slices here
        var preparingPaused = GC.GetTotalPauseDuration() - pausedBefore; // the scaled copy of a whole recording can start a collection
        preparing.Stop();
        foreach (var scores in Timed(batches, scoring))
        {
            streams.Start();
            torch.RunWaitingHigherPriorityWork(); // live streams go first
            streams.Stop();
            recording.Start();
            var windows = new List<ScoredWindow>(scores.Count);
            var changes = new List<(int, ConditionChange)>();
            foreach (var s in scores)
            {
                var above = s.AboveThreshold;
                var endSeconds = series.TimeOf(s.EndRow - 1);
                windows.Add(new ScoredWindow(s.Index, s.StartRow, s.EndRow, series.TimeOf(s.StartRow), endSeconds,
                    s.Score, s.Calibrated, above, clock.At(endSeconds), s.ChannelErrors));
                var change = rule.Push(above);
                if (change != ConditionChange.None) changes.Add((s.Index, change));
            }
            recording.Stop();
            waiting.Start();
            // Blocking here is deliberate: this is the torch thread, and the wait is the backpressure (live work runs meanwhile).
            // A batch scoring job is its own run: its run id is the job id.
            torch.WaitRunningHigherPriorityWork(output.WriteAsync(new ScoreBatch(asset.Id, job.Id, model.Id, windows, changes), ct).AsTask());
            waiting.Stop();
        }
        logger.LogInformation(
            "Score job {JobId}, torch thread: load the model {LoadSeconds:F3} s, align, scale and slice {PrepareSeconds:F3} s (of which GC pauses {PrepareGcSeconds:F3} s), score batches {ScoreSeconds:F3} s, window records and alarm rule {RecordSeconds:F3} s, live streams {StreamSeconds:F3} s, waiting for room in the channel {RoomSeconds:F3} s",
            job.Id, loading.Elapsed.TotalSeconds, preparing.Elapsed.TotalSeconds, preparingPaused.TotalSeconds, scoring.Elapsed.TotalSeconds, recording.Elapsed.TotalSeconds, streams.Elapsed.TotalSeconds, waiting.Elapsed.TotalSeconds);
    }

    /// <summary>The items of <paramref name="items"/>, with the time spent producing each one added to <paramref name="clock"/>.</summary>
    private static IEnumerable<T> Timed<T>(IEnumerable<T> items, Stopwatch clock)
    {
        using var e = items.GetEnumerator();
        while (true)
        {
            clock.Start();
            var more = e.MoveNext();
            clock.Stop();
            if (!more)
                yield break;
            yield return e.Current;
        }
    }
}
