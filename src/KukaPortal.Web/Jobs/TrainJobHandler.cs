using System.Threading.Channels;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Jobs;
using KukaPortal.Data.Models;
using KukaPortal.Data.Storage;
using KukaPortal.Ml.Models;
using KukaPortal.Ml.Scoring;
using KukaPortal.Ml.Training;
using KukaPortal.Web.Monitoring;
using KukaPortal.Web.Recordings;
using KukaPortal.Web.Torch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Jobs;

/// <summary>Trains a conv autoencoder on a normal recording and stores the artifact as a candidate model (active at once only as the asset's first).</summary>
public sealed class TrainJobHandler(
    IDbContextFactory<PortalDbContext> dbFactory, RecordingLoader loader, TorchExecutor torch, TorchStatus torchStatus,
    BlobStore blobs, TrainingCheckpointStore checkpoints, JobStore jobs, MonitoringNotifier notifier,
    IOptions<TrainingOptions> options, IOptions<WorkerOptions> worker, TimeProvider time)
    : IJobHandler
{
    public JobKind Kind => JobKind.Train;

    public async Task RunAsync(Job job, JobProgressReporter progress, CancellationToken ct)
    {
        TorchGuard.EnsureAvailable(torchStatus);
        Recording recording;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            recording = await db.Recordings.AsNoTracking().SingleAsync(r => r.Id == job.RecordingId, ct);

        await progress.ReportAsync(0, $"Reading {recording.FileName}", null, ct, force: true);
        var series = await Task.Run(() => loader.Load(recording), ct);
        var settings = options.Value.ToSettings();
        var hooks = Hooks(job, settings);
        if (hooks.ResumeFrom is { } resume)
            await progress.ReportAsync(0.95 * resume.Iteration / settings.Iterations, $"Resuming from the checkpoint at iteration {resume.Iteration}", null, ct, force: true);

        // The trainer reports on the torch thread; the latest report is relayed from here.
        var reports = Channel.CreateBounded<TrainingProgress>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        var training = torch.RunAsync(TorchPriority.Training, () =>
        {
            try
            {
                using var detector = DetectorTrainer.Train(series, settings, torchStatus.Info.ToDevice(), p => reports.Writer.TryWrite(p), ct, hooks);
                var path = Path.Combine(Path.GetTempPath(), $"kukaportal-{job.Id:N}.kpm");
                detector.Save(path);
                return (Path: path, detector.Threshold);
            }
            finally
            {
                reports.Writer.TryComplete();
            }
        });

        await foreach (var report in reports.Reader.ReadAllAsync(ct))
        {
            var message = $"Iteration {report.Iteration}/{report.Iterations}, loss {report.Loss:G4}";
            await progress.ReportAsync(0.95 * report.Iteration / report.Iterations, message, report.Loss, ct);
        }
        var (artifactPath, threshold) = await training;

        var blob = blobs.Adopt(artifactPath, $"models/{job.AssetId}", ".kpm");
        var model = await RegisterModelAsync(job, recording, blob, threshold, settings, ct);
        checkpoints.Delete(job.Id);
        await jobs.CompleteAsync(job.Id, model.Id, $"Model v{model.Version} trained; threshold {threshold:G4}", ct);
        job.State = JobState.Succeeded;
        job.Progress = 1;
        job.Message = $"Model v{model.Version} trained";
        await notifier.JobProgressAsync(job);
        if (model.PromotedAt is not null) // it became the active model
            await notifier.ModelChangedAsync(model);
    }

    /// <summary>
    /// Live and batch scoring run between training steps; checkpoints land on whole progress reports; a
    /// retry of this job continues from the last checkpoint an earlier attempt left.
    /// </summary>
    private TrainingHooks Hooks(Job job, DetectorSettings settings)
    {
        var every = Math.Max(1, (int)Math.Ceiling((double)worker.Value.CheckpointEvery / settings.ProgressInterval)) * settings.ProgressInterval;
        return new TrainingHooks
        {
            BetweenSteps = torch.RunWaitingHigherPriorityWork,
            CheckpointEvery = every,
            OnCheckpoint = checkpoint => checkpoints.Save(job.Id, checkpoint),
            ResumeFrom = checkpoints.Load(job.Id),
        };
    }

    private async Task<DetectorModel> RegisterModelAsync(Job job, Recording recording, StoredBlob blob, double threshold, DetectorSettings settings, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var asset = await db.Assets.SingleAsync(a => a.Id == job.AssetId, ct);
        var version = 1 + (await db.Models.Where(m => m.AssetId == job.AssetId).MaxAsync(m => (int?)m.Version, ct) ?? 0);
        var model = new DetectorModel
        {
            AssetId = job.AssetId, Version = version, Family = settings.Family.Name(), ArtifactKey = blob.Key, Threshold = threshold,
            Window = settings.Window, TrainingRecordingId = recording.Id, CreatedAt = time.GetUtcNow(),
        };
        db.Models.Add(model);
        await db.SaveChangesAsync(ct);
        // A new model is a candidate an engineer promotes; only an asset's first model becomes active by itself.
        ModelPromotion.ActivateIfFirst(asset, model, model.CreatedAt, job.RequestedBy);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return model;
    }
}
