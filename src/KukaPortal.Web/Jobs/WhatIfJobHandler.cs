using KukaPortal.Core.Alarms;
using KukaPortal.Core.Series;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Jobs;
using KukaPortal.Data.Models;
using KukaPortal.Data.Storage;
using KukaPortal.Ml.Scoring;
using KukaPortal.Web.Models;
using KukaPortal.Web.Monitoring;
using KukaPortal.Web.Recordings;
using KukaPortal.Web.Torch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Jobs;

/// <summary>
/// The what-if replay: re-scores the asset's stored scoring recordings with a candidate and with the model
/// that was active when it was asked for, each recording as its own run through a fresh K-of-N alarm rule
/// (as a scoring job does), and stores what each model would have raised. Nothing is written to
/// window_scores or alarms: it is a comparison, not a scoring run. Batch-scoring priority, so live
/// streams go first between its batches.
/// </summary>
public sealed class WhatIfJobHandler(
    IDbContextFactory<PortalDbContext> dbFactory, RecordingLoader loader, TorchExecutor torch, TorchStatus torchStatus,
    BlobStore blobs, ScoringLanes lanes, JobStore jobs, MonitoringNotifier notifier, IOptions<WorkerOptions> worker)
    : IJobHandler
{
    /// <summary>The counts of one model over the replay so far.</summary>
    private sealed class Totals(DetectorModel model)
    {
        public int Windows, Above, Raised;
        public double Seconds;

        public void Add(AlarmRuleTally tally, double seconds)
        {
            Windows += tally.Windows;
            Above += tally.AboveThreshold;
            Raised += tally.Raised;
            Seconds += seconds;
        }

        public WhatIfModelResult Result() => new(model.Id, model.Version, model.Threshold, model.Window, Windows, Above, Raised, Seconds);
    }

    public JobKind Kind => JobKind.WhatIf;

    public async Task RunAsync(Job job, JobProgressReporter progress, CancellationToken ct)
    {
        TorchGuard.EnsureAvailable(torchStatus);
        WhatIfReplay replay;
        Asset asset;
        DetectorModel candidate, baseline;
        Dictionary<int, Recording> recordings;
        IReadOnlyList<WhatIfPart> parts;
        bool capped;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            replay = await db.WhatIfReplays.AsNoTracking().SingleOrDefaultAsync(r => r.JobId == job.Id, ct)
                ?? throw new JobFailedException("This what-if job has no replay parameters.");
            asset = await db.Assets.AsNoTracking().SingleAsync(a => a.Id == job.AssetId, ct);
            candidate = await db.Models.AsNoTracking().SingleAsync(m => m.Id == replay.CandidateModelId, ct);
            baseline = await db.Models.AsNoTracking().SingleAsync(m => m.Id == replay.BaselineModelId, ct);
            var window = Math.Min(candidate.Window, baseline.Window);
            // Newest first, and no more rows than the cap can use: the plan stops at the cap anyway.
            var newest = await db.Recordings.AsNoTracking()
                .Where(r => r.AssetId == job.AssetId && r.Purpose == RecordingPurpose.Scoring && r.UploadedAt <= job.CreatedAt)
                .OrderByDescending(r => r.UploadedAt).ThenByDescending(r => r.Id).Take(1000).ToListAsync(ct);
            (parts, capped) = WhatIfPlan.Choose(newest.Select(r => (r.Id, r.Rows)), window, replay.WindowCap);
            recordings = newest.ToDictionary(r => r.Id);
        }
        if (parts.Count == 0)
            throw new JobFailedException($"{asset.Name} has no stored scoring recordings long enough to replay.");

        await progress.ReportAsync(0, $"Loading v{candidate.Version} and v{baseline.Version}", null, ct, force: true);
        var detectors = await torch.RunAsync(TorchPriority.BatchScoring, () =>
        {
            var device = torchStatus.Info.ToDevice();
            var first = Detector.Load(blobs.PathOf(candidate.ArtifactKey), device);
            try { return (Candidate: first, Baseline: Detector.Load(blobs.PathOf(baseline.ArtifactKey), device)); }
            catch { first.Dispose(); throw; }
        });
        var totals = (Candidate: new Totals(candidate), Baseline: new Totals(baseline));
        try
        {
            for (var i = 0; i < parts.Count; i++)
            {
                var part = parts[i];
                var recording = recordings[part.RecordingId];
                await progress.ReportAsync((double)i / parts.Count, $"Replaying {recording.FileName} ({i + 1} of {parts.Count})", null, ct, force: true);
                var series = await Task.Run(() => Latest(loader.Load(recording), part.FirstRow), ct);
                var seconds = series.Rows > 1 ? series.TimeOf(series.Rows - 1) - series.TimeOf(0) : 0;
                totals.Candidate.Add(await torch.RunAsync(TorchPriority.BatchScoring, () => Tally(detectors.Candidate, series, asset, ct)), seconds);
                totals.Baseline.Add(await torch.RunAsync(TorchPriority.BatchScoring, () => Tally(detectors.Baseline, series, asset, ct)), seconds);
            }
        }
        finally
        {
            await torch.RunAsync(TorchPriority.BatchScoring, () => { detectors.Candidate.Dispose(); detectors.Baseline.Dispose(); });
        }

        var result = new WhatIfResult(asset.AlarmOnDelayK, asset.AlarmOnDelayN, parts.Count, replay.WindowCap, capped,
            totals.Candidate.Result(), totals.Baseline.Result());
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            await db.WhatIfReplays.Where(r => r.JobId == job.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Result, result.ToJson()), ct);
        var message = $"v{candidate.Version}: {result.Candidate.AlarmsRaised} alarms, v{baseline.Version}: {result.Baseline.AlarmsRaised} alarms " +
                      $"over {result.Candidate.WindowsScored} windows";
        await jobs.CompleteAsync(job.Id, candidate.Id, message, ct);
        job.State = JobState.Succeeded;
        job.Progress = 1;
        job.Message = message;
        await notifier.JobProgressAsync(job);
    }

    /// <summary>Runs on the torch thread: the same windows (stride W) and decisions a scoring job makes, counted instead of stored.</summary>
    private AlarmRuleTally Tally(Detector detector, TimeSeries series, Asset asset, CancellationToken ct)
    {
        var tally = new AlarmRuleTally(asset.AlarmOnDelayK, asset.AlarmOnDelayN);
        foreach (var batch in detector.ScoreBatches(series, stride: null, worker.Value.ScoringBatchSize, ct, lanes: lanes.Lanes))
        {
            torch.RunWaitingHigherPriorityWork(); // live streams go first
            foreach (var window in batch) tally.Push(window.AboveThreshold);
        }
        return tally;
    }

    /// <summary>The rows from <paramref name="firstRow"/> on: the latest part of a recording that crosses the cap.</summary>
    private static TimeSeries Latest(TimeSeries series, int firstRow)
    {
        if (firstRow == 0) return series;
        var c = series.ChannelCount;
        return new TimeSeries(series.Channels, series.Values[(firstRow * c)..], series.Timestamps?[firstRow..], series.Labels?[firstRow..]);
    }
}
