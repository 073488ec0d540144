using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Ml.Images;
using KukaPortal.Ml.Training;
using KukaPortal.Web.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Training;

/// <summary>
/// Stores a training job's progress reports as loss points (job_losses) and pushes them to the asset's
/// dashboards, about <see cref="LossCadence.MaxPoints"/> rows per job however long it runs. A retry re-reports iterations after its checkpoint; those rows are replaced.
/// </summary>
public sealed class TrainingLossRecorder(IDbContextFactory<PortalDbContext> dbFactory, MonitoringNotifier notifier)
{
    public static LossPoint ToPoint(TrainingProgress report) => new(
        report.Iteration, report.Loss, report.ValidationLoss, report.Discriminator?.Loss,
        report.Discriminator is { } d ? (d.AccuracyReal + d.AccuracyFake) / 2 : null);

    /// <summary>An image family's report: its mean |x − x̂| is the reconstruction curve; adversarial families add their discriminator's.</summary>
    public static LossPoint ToPoint(ImageTrainingProgress report) => new(
        report.Iteration, report.Reconstruction, null,
        report.Losses.TryGetValue("discriminator", out var loss) ? loss : null,
        report.Losses.TryGetValue("discriminatorAccuracy", out var accuracy) ? accuracy : null);

    public Task RecordAsync(Job job, IReadOnlyList<TrainingProgress> reports, CancellationToken ct) =>
        RecordAsync(job, reports.Where(r => LossCadence.Stores(r.Iteration, r.Iterations)).Select(ToPoint).ToArray(), ct);

    public Task RecordAsync(Job job, IReadOnlyList<ImageTrainingProgress> reports, CancellationToken ct) =>
        RecordAsync(job, reports.Where(r => LossCadence.Stores(r.Iteration, r.Iterations)).Select(ToPoint).ToArray(), ct);

    private async Task RecordAsync(Job job, LossPoint[] points, CancellationToken ct)
    {
        if (points.Length == 0) return;
        var iterations = points.Select(p => p.Iteration).ToArray();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await db.InTransactionAsync(async ct =>
            {
                await db.JobLosses.Where(l => l.JobId == job.Id && iterations.Contains(l.Iteration)).ExecuteDeleteAsync(ct);
                db.JobLosses.AddRange(points.Select(p => new JobLoss
                {
                    JobId = job.Id, Iteration = p.Iteration, Reconstruction = p.Reconstruction, Validation = p.Validation,
                    DiscriminatorLoss = p.DiscriminatorLoss, DiscriminatorAccuracy = p.DiscriminatorAccuracy,
                }));
                await db.SaveChangesAsync(ct);
            }, ct);
        }
        await notifier.TrainingLossAsync(job, points);
    }
}
