using System.Threading.Channels;
using KukaPortal.Core.Images;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Jobs;
using KukaPortal.Data.Storage;
using KukaPortal.Data.Training;
using KukaPortal.Ml.Images;
using KukaPortal.Ml.Training;
using KukaPortal.Web.Monitoring;
using KukaPortal.Web.Recordings;
using KukaPortal.Web.Torch;
using KukaPortal.Web.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Jobs;

/// <summary>
/// Trains the image detector a job's parameters describe (<see cref="ImageTrainingParameters"/>) on its normal image
/// sets, read as that detector reads pictures; records the loss curve as time-series training does (same push, same
/// table); stores the artifact as a model (window 1, family = the image family's name), active at once only as the
/// asset's first. Checkpoints and resume as for time series (<see cref="JobTrainingHooks"/>).
/// </summary>
public sealed class ImageTrainJobHandler(
    IDbContextFactory<PortalDbContext> dbFactory, ImageSetLoader loader, TorchExecutor torch, TorchStatus torchStatus,
    BlobStore blobs, TrainingCheckpointStore checkpoints, JobStore jobs, MonitoringNotifier notifier, TrainingLossRecorder losses,
    IOptions<WorkerOptions> worker, TimeProvider time)
    : IJobHandler
{
    public JobKind Kind => JobKind.TrainImages;

    public async Task RunAsync(Job job, JobProgressReporter progress, CancellationToken ct)
    {
        TorchGuard.EnsureAvailable(torchStatus);
        var parameters = TrainingJson.Read<ImageTrainingParameters>(job.Parameters)
            ?? throw new JobFailedException("This image training job has no parameters; queue it again from the training page.");
        var settings = parameters.ToSettings();
        await progress.ReportAsync(0, "Reading the normal image sets", null, ct, force: true);
        var images = await LoadImagesAsync(parameters, settings, ct);
        var hooks = JobTrainingHooks.For(job, settings.ProgressInterval, torch, checkpoints, worker.Value);
        if (hooks.ResumeFrom is { } resume)
            await progress.ReportAsync(0.95 * resume.Iteration / settings.Iterations, $"Resuming from the checkpoint at iteration {resume.Iteration}", null, ct, force: true);

        var reports = Channel.CreateUnbounded<ImageTrainingProgress>(new UnboundedChannelOptions { SingleReader = true });
        var training = torch.RunAsync(TorchPriority.Training, () =>
        {
            try
            {
                using var detector = ImageTrainer.Train(images, settings, torchStatus.Info.ToDevice(), p => reports.Writer.TryWrite(p), ct, hooks);
                var path = Path.Combine(Path.GetTempPath(), $"kukaportal-{job.Id:N}.kpm");
                detector.Save(path);
                return (Path: path, detector.Threshold, Strategy: detector.Metadata.Threshold.Strategy, detector.Metadata.Training, HeldOut: detector.Metadata.Validation);
            }
            finally
            {
                reports.Writer.TryComplete();
            }
        });

        var batch = new List<ImageTrainingProgress>();
        while (await reports.Reader.WaitToReadAsync(ct))
        {
            batch.Clear();
            while (reports.Reader.TryRead(out var report)) batch.Add(report);
            await losses.RecordAsync(job, batch, ct);
            var last = batch[^1];
            await progress.ReportAsync(0.95 * last.Iteration / last.Iterations,
                $"Iteration {last.Iteration}/{last.Iterations}, reconstruction {last.Reconstruction:G4}", last.Reconstruction, ct);
        }
        var trained = await training;

        var blob = blobs.Adopt(trained.Path, $"models/{job.AssetId}", ".kpm");
        checkpoints.Delete(job.Id);
        var model = await ModelRegistration.RegisterAsync(dbFactory, job, new DetectorModel
        {
            Family = parameters.Family, ArtifactKey = blob.Key, Threshold = trained.Threshold, Window = 1,
            TrainingRecordingId = parameters.NormalRecordingIds[0], CreatedAt = time.GetUtcNow(),
            TrainingSummary = TrainingJson.Write(new TrainingSummary
            {
                Family = parameters.Family, Window = 1, Iterations = parameters.Iterations, IterationsRun = trained.Training.Iterations,
                NormalRecordingIds = parameters.NormalRecordingIds, FinalLoss = trained.Training.FinalReconstruction,
                FinalDiscriminatorLoss = trained.Training.FinalLosses.TryGetValue("discriminator", out var d) ? d : null,
                FinalDiscriminatorAccuracy = trained.Training.FinalLosses.TryGetValue("discriminatorAccuracy", out var a) ? a : null,
                Threshold = trained.Threshold, ThresholdStrategy = trained.Strategy,
                TrainingImages = trained.Training.TrainingImages, HeldOutImages = trained.HeldOut.Count,
                HeldOutMedianScore = trained.HeldOut.Median, HeldOutMaxScore = trained.HeldOut.Max,
            }),
        }, ct);
        await jobs.CompleteAsync(job.Id, model.Id,
            $"Model v{model.Version} trained on {trained.Training.TrainingImages} images ({trained.Training.HeldOutImages} held out); threshold {trained.Threshold:G4}", ct);
        job.State = JobState.Succeeded;
        job.Progress = 1;
        job.Message = $"Model v{model.Version} trained";
        await notifier.JobProgressAsync(job);
        if (model.PromotedAt is not null) // it became the active model
            await notifier.ModelChangedAsync(model);
    }

    /// <summary>Every chosen set's images, each read at the detector's size and planes (the kept original is read again when they differ).</summary>
    private async Task<IReadOnlyList<PlanarImage>> LoadImagesAsync(ImageTrainingParameters parameters, ImageDetectorSettings settings, CancellationToken ct)
    {
        List<Recording> recordings;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            recordings = await db.Recordings.AsNoTracking().Where(r => parameters.NormalRecordingIds.Contains(r.Id)).ToListAsync(ct);
        if (recordings.Count != parameters.NormalRecordingIds.Count)
            throw new JobFailedException("A normal image set this job trains on was deleted; queue the training again.");
        return await Task.Run(() => recordings.SelectMany(r => loader.LoadFor(r, settings, ct).Items.Select(i => i.Image)).ToArray(), ct);
    }
}
