using System.Threading.Channels;
using KukaPortal.Core.Alarms;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Jobs;
using KukaPortal.Data.Scores;
using KukaPortal.Data.Storage;
using KukaPortal.Web.Monitoring;
using KukaPortal.Web.Recordings;
using KukaPortal.Web.Torch;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Jobs;

/// <summary>
/// Scores an inspection station's stored image set with its active model, image by image, as
/// <see cref="ScoreJobHandler"/> scores windows: each image is one window row (index = its position in the set,
/// rows [index, index+1), one second apart from the job's creation), the K-of-N alarm rule runs over the images,
/// and every batch carries one <see cref="InspectedImage"/> per image pointing at the set and index. A retry
/// continues after the last stored image with the rule's memory rebuilt (<see cref="ScoringResume"/>).
/// </summary>
public sealed class ImageScoreJobHandler(
    IDbContextFactory<PortalDbContext> dbFactory, ImageSetLoader loader, TorchExecutor torch, TorchStatus torchStatus,
    BlobStore blobs, DetectorCache detectors, BatchScoringPipeline pipeline, JobStore jobs, MonitoringNotifier notifier)
    : IJobHandler
{
    /// <summary>Images per stored batch: a few forward passes' worth, so progress and pushes stay frequent.</summary>
    private const int ImagesPerBatch = 32;

    public JobKind Kind => JobKind.ScoreImages;

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
        var model = asset.ActiveModel ?? throw new JobFailedException($"Station '{asset.Name}' has no trained model yet: train one on a normal image set first.");

        await progress.ReportAsync(0, $"Reading {recording.FileName}", null, ct, force: true);
        var resume = await ScoringResume.LoadAsync(dbFactory, job.Id, asset.AlarmOnDelayN, ct);
        var stored = await pipeline.RunAsync((output, token) => Produce(job, asset, model, recording, resume, output, token),
            resume.NextWindow, recording.Rows, "images", progress, ct);

        await jobs.CompleteAsync(job.Id, model.Id, $"{stored} images scored with model v{model.Version}", ct);
        job.State = JobState.Succeeded;
        job.Progress = 1;
        job.Message = $"{stored} images scored";
        await notifier.JobProgressAsync(job);
    }

    private void Produce(Job job, Asset asset, DetectorModel model, Recording recording, ScoringResume resume, ChannelWriter<ScoreBatch> output, CancellationToken ct)
    {
        // Held from the portal's cache, shared with live image scoring of the same model.
        using var held = detectors.HoldImages(blobs, model, torchStatus.Info.ToDevice());
        var detector = held.Detector;
        var items = loader.LoadFor(recording, detector.Settings, ct).Items;
        var rule = resume.Rule(asset.AlarmOnDelayK, asset.AlarmOnDelayN);
        // A stored set has no capture times: image i "happens" i seconds after the job was created, fixed per job,
        // so a retry stores its rows with the same times (and keys) as the first attempt.
        var clock = new RunClock(job.CreatedAt, 0);
        for (var start = resume.NextWindow; start < items.Count; start += ImagesPerBatch)
        {
            ct.ThrowIfCancellationRequested();
            torch.RunWaitingHigherPriorityWork(); // live streams go first
            var chunk = items.Skip(start).Take(ImagesPerBatch).ToArray();
            var scores = detector.Score(chunk.Select(i => i.Image).ToArray(), ImagesPerBatch);
            var windows = new List<ScoredWindow>(chunk.Length);
            var images = new List<InspectedImage>(chunk.Length);
            var changes = new List<(int, ConditionChange)>();
            for (var k = 0; k < chunk.Length; k++)
            {
                var index = start + k;
                var at = clock.At(index);
                var score = scores[k];
                windows.Add(new ScoredWindow(index, index, index + 1, index, index, score.Score, score.Calibrated, score.AboveThreshold, at));
                images.Add(new InspectedImage(index, chunk[k].Path, chunk[k].Label, at, RecordingId: recording.Id, ImageIndex: index));
                var change = rule.Push(score.AboveThreshold);
                if (change != ConditionChange.None) changes.Add((index, change));
            }
            // Blocking is deliberate: this is the torch thread, and the wait is the backpressure (live work runs meanwhile).
            // The run id is the job id.
            torch.WaitRunningHigherPriorityWork(output.WriteAsync(new ScoreBatch(asset.Id, job.Id, model.Id, windows, changes, images), ct).AsTask());
        }
    }
}
