using System.Threading.Channels;
using KukaPortal.Core.Thresholds;
using KukaPortal.Data;
using KukaPortal.Data.Training;
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
using KukaPortal.Web.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Jobs;

/// <summary>
/// Trains the detector a job's parameters describe (family, W, L, λ, iterations, threshold strategy) on its
/// normal recordings and false-alarm segments, records the loss curves, measures the model on the labelled
/// validation recording when one was chosen, stores the artifact as a candidate model (active at once only as the asset's first).
/// </summary>
public sealed class TrainJobHandler(
    IDbContextFactory<PortalDbContext> dbFactory, RecordingLoader loader, TorchExecutor torch, TorchStatus torchStatus,
    BlobStore blobs, TrainingCheckpointStore checkpoints, JobStore jobs, MonitoringNotifier notifier, TrainingLossRecorder losses,
    IOptions<TrainingOptions> options, IOptions<WorkerOptions> worker, TimeProvider time)
    : IJobHandler
{
    public JobKind Kind => JobKind.Train;

    public async Task RunAsync(Job job, JobProgressReporter progress, CancellationToken ct)
    {
        TorchGuard.EnsureAvailable(torchStatus);
        // Jobs queued before parameters existed train their one recording with the configured defaults.
        var parameters = TrainingJson.Read<TrainingParameters>(job.Parameters) ?? TrainingSettings.Defaults(options.Value, [job.RecordingId]);
        var data = await TrainingDataLoader.LoadAsync(dbFactory, loader, parameters, (text, force) => progress.ReportAsync(0, text, null, ct, force), ct);
        var recording = data.Normal[0];
        var settings = TrainingSettings.For(parameters, options.Value);
        var strategy = ThresholdStrategy.Parse(parameters.ThresholdStrategy);
        var hooks = JobTrainingHooks.For(job, settings.ProgressInterval, torch, checkpoints, worker.Value);
        if (hooks.ResumeFrom is { } resume)
            await progress.ReportAsync(0.95 * resume.Iteration / settings.Iterations, $"Resuming from the checkpoint at iteration {resume.Iteration}", null, ct, force: true);

        // The trainer reports on the torch thread (a few hundred reports per run, see LossCadence); every
        // report becomes a stored and pushed loss point, and the latest one the job's progress.
        var reports = Channel.CreateUnbounded<TrainingProgress>(new UnboundedChannelOptions { SingleReader = true });
        var training = torch.RunAsync(TorchPriority.Training, () =>
        {
            try
            {
                using var detector = DetectorTrainer.Train(data.Segments, settings, torchStatus.Info.ToDevice(), p => reports.Writer.TryWrite(p), ct, hooks);
                var evaluation = data.Validation is { } v ? ValidationEvaluator.Evaluate(detector, v.Recording, v.Series, strategy, ct) : null;
                var path = Path.Combine(Path.GetTempPath(), $"kukaportal-{job.Id:N}.kpm");
                detector.Save(path);
                return (Path: path, detector.Threshold, Strategy: detector.Metadata.Threshold.Strategy, detector.Metadata.Training, Evaluation: evaluation);
            }
            finally
            {
                reports.Writer.TryComplete();
            }
        });

        var batch = new List<TrainingProgress>();
        while (await reports.Reader.WaitToReadAsync(ct))
        {
            batch.Clear();
            while (reports.Reader.TryRead(out var report)) batch.Add(report);
            await losses.RecordAsync(job, batch, ct);
            var last = batch[^1];
            var message = $"Iteration {last.Iteration}/{last.Iterations}, loss {last.Loss:G4}";
            await progress.ReportAsync(0.95 * last.Iteration / last.Iterations, message, last.Loss, ct);
        }
        var trained = await training;
        var summary = Summary(parameters, trained.Training, trained.Threshold, trained.Strategy);

        var blob = blobs.Adopt(trained.Path, $"models/{job.AssetId}", ".kpm");
        var model = await RegisterModelAsync(job, recording, blob, trained.Threshold, settings, summary, trained.Evaluation, ct);
        var threshold = trained.Threshold;
        checkpoints.Delete(job.Id);
        await jobs.CompleteAsync(job.Id, model.Id, $"Model v{model.Version} trained; threshold {threshold:G4}", ct);
        job.State = JobState.Succeeded;
        job.Progress = 1;
        job.Message = $"Model v{model.Version} trained";
        await notifier.JobProgressAsync(job);
        if (model.PromotedAt is not null) // it became the active model
            await notifier.ModelChangedAsync(model);
    }

    private static TrainingSummary Summary(TrainingParameters p, Ml.Artifacts.TrainingSummary training, double threshold, string strategy) => new()
    {
        Family = p.Family, Window = p.Window, Latent = p.Latent, Lambda = p.Lambda, Iterations = p.Iterations,
        IterationsRun = training.IterationsRun, NormalRecordingIds = p.NormalRecordingIds, FalseAlarmSegments = p.ExtraSegments.Count,
        ValidationRecordingId = p.ValidationRecordingId, FinalLoss = training.FinalLoss, FinalValidationLoss = training.FinalValidationLoss,
        FinalDiscriminatorLoss = training.Discriminator?.Loss,
        FinalDiscriminatorAccuracy = training.Discriminator is { } d ? (d.AccuracyReal + d.AccuracyFake) / 2 : null,
        Threshold = threshold, ThresholdStrategy = strategy,
    };

    private Task<DetectorModel> RegisterModelAsync(Job job, Recording recording, StoredBlob blob, double threshold, DetectorSettings settings,
        TrainingSummary summary, ModelEvaluation? evaluation, CancellationToken ct) =>
        ModelRegistration.RegisterAsync(dbFactory, job, new DetectorModel
        {
            Family = settings.Family.Name(), ArtifactKey = blob.Key, Threshold = threshold,
            Window = settings.Window, TrainingRecordingId = recording.Id, CreatedAt = time.GetUtcNow(),
            TrainingSummary = TrainingJson.Write(summary), Evaluation = evaluation is null ? null : TrainingJson.Write(evaluation),
        }, ct);
}
