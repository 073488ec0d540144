using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Jobs;
using KukaPortal.Data.Training;
using KukaPortal.Ml.Images;
using KukaPortal.Web.Monitoring;
using KukaPortal.Web.Training;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Web.Jobs;

/// <summary>Checks that a job makes sense before queueing it, so the user hears "no" at once instead of from a failed job.</summary>
public sealed class JobScheduler(IDbContextFactory<PortalDbContext> dbFactory, JobStore jobs, MonitoringNotifier notifier, TrainingPlanner planner)
{
    /// <summary>Trains on one normal recording with the configured defaults; a refusal is an <see cref="InvalidOperationException"/>.</summary>
    public async Task<Job> TrainAsync(int assetId, int recordingId, string? user, CancellationToken ct)
    {
        try
        {
            return (await TrainAsync(assetId, new TrainingRequest { RecordingId = recordingId }, user, ct)).Job;
        }
        catch (TrainingRequestException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }

    /// <summary>
    /// Checks the request (<see cref="TrainingRequestException"/> when it cannot train) and queues a job that
    /// stores its parameters, so a retry trains exactly the same thing.
    /// </summary>
    public async Task<(Job Job, TrainingPlan Plan)> TrainAsync(int assetId, TrainingRequest request, string? user, CancellationToken ct)
    {
        if (await KindOfAsync(assetId, ct) is AssetKind.InspectionStation)
            throw TrainingRequestException.Unprocessable(StationRefusal(assetId, "train a time-series model", "train an image family on a normal image set"));
        var plan = await planner.PlanAsync(assetId, request, ct);
        var job = await jobs.EnqueueAsync(JobKind.Train, assetId, plan.Parameters.NormalRecordingIds[0], user, ct,
            (_, queued) => queued.Parameters = TrainingJson.Write(plan.Parameters));
        await notifier.JobProgressAsync(job);
        return (job, plan);
    }

    public async Task<Job> ScoreAsync(int assetId, int recordingId, string? user, CancellationToken ct)
    {
        if (await KindOfAsync(assetId, ct) is AssetKind.InspectionStation)
            throw new InvalidOperationException(StationRefusal(assetId, "score a time-series recording", "score its image sets (score-images)"));
        await FindRecordingAsync(assetId, recordingId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Assets.AnyAsync(a => a.Id == assetId && a.ActiveModelId != null, ct))
            throw new InvalidOperationException("This asset has no trained model yet: train one on normal data first.");
        return await EnqueueAsync(JobKind.Score, assetId, recordingId, user, ct);
    }

    /// <summary>
    /// Checks an image training request against the station's data (<see cref="TrainingRequestException"/>: 400 when
    /// malformed, 422 when it does not fit) and queues a TrainImages job that stores its parameters.
    /// </summary>
    public async Task<(Job Job, ImageTrainingParameters Parameters)> TrainImagesAsync(int assetId, ImageTrainingRequest request, string? user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var asset = await db.Assets.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assetId, ct)
            ?? throw TrainingRequestException.Unprocessable($"Asset {assetId} does not exist.");
        if (asset.Kind != AssetKind.InspectionStation)
            throw TrainingRequestException.Unprocessable($"Asset '{asset.Name}' is a robot cell: image families train on an inspection station's image sets; train a time-series family instead.");
        if (request.RecordingIds.Count == 0)
            throw TrainingRequestException.Malformed("Choose at least one normal image set to train on.");
        var ids = request.RecordingIds.Distinct().ToArray();
        var sets = await db.Recordings.AsNoTracking().Where(r => ids.Contains(r.Id) && r.AssetId == assetId).ToListAsync(ct);
        if (ids.Except(sets.Select(r => r.Id)).FirstOrDefault() is var missing and > 0)
            throw TrainingRequestException.Unprocessable($"Recording {missing} does not belong to station '{asset.Name}'.");
        if (sets.FirstOrDefault(r => r.Format != Recording.ImageSetFormat) is { } notImages)
            throw TrainingRequestException.Unprocessable($"'{notImages.FileName}' is not an image set.");
        if (sets.FirstOrDefault(r => r.Purpose != RecordingPurpose.Normal) is { } test)
            throw TrainingRequestException.Unprocessable($"'{test.FileName}' holds test images (to be scored), not normal ones: train on a Normal image set, such as an MVTec zip's train/ part.");
        var parameters = request.ToParameters(sets.First(r => r.Id == ids[0]).Channels.Length) with { NormalRecordingIds = ids };
        var job = await jobs.EnqueueAsync(JobKind.TrainImages, assetId, ids[0], user, ct, (_, queued) => queued.Parameters = TrainingJson.Write(parameters));
        await notifier.JobProgressAsync(job);
        return (job, parameters);
    }

    /// <summary>Queues scoring of a station's stored image set with its active image model; a refusal is an <see cref="InvalidOperationException"/>.</summary>
    public async Task<Job> ScoreImagesAsync(int assetId, int recordingId, string? user, CancellationToken ct)
    {
        var recording = await FindRecordingAsync(assetId, recordingId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var asset = await db.Assets.AsNoTracking().Include(a => a.ActiveModel).SingleAsync(a => a.Id == assetId, ct);
        if (asset.Kind != AssetKind.InspectionStation)
            throw new InvalidOperationException($"Asset '{asset.Name}' is a robot cell: it scores time-series recordings, not image sets.");
        if (recording.Format != Recording.ImageSetFormat)
            throw new InvalidOperationException($"'{recording.FileName}' is not an image set.");
        if (asset.ActiveModel is null)
            throw new InvalidOperationException($"Station '{asset.Name}' has no trained model yet: train one on a normal image set first.");
        if (!ImageModelFamilyNames.TryParse(asset.ActiveModel.Family, out _))
            throw new InvalidOperationException($"The active model v{asset.ActiveModel.Version} of '{asset.Name}' is a {asset.ActiveModel.Family} time-series model; it cannot score images.");
        return await EnqueueAsync(JobKind.ScoreImages, assetId, recordingId, user, ct);
    }

    private async Task<AssetKind?> KindOfAsync(int assetId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Assets.AsNoTracking().Where(a => a.Id == assetId).Select(a => (AssetKind?)a.Kind).SingleOrDefaultAsync(ct);
    }

    private static string StationRefusal(int assetId, string refused, string instead) =>
        $"Asset {assetId} is an inspection station: it cannot {refused}; {instead} instead.";

    private async Task<Job> EnqueueAsync(JobKind kind, int assetId, int recordingId, string? user, CancellationToken ct)
    {
        var job = await jobs.EnqueueAsync(kind, assetId, recordingId, user, ct);
        await notifier.JobProgressAsync(job);
        return job;
    }

    private async Task<Recording> FindRecordingAsync(int assetId, int recordingId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Recordings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == recordingId && r.AssetId == assetId, ct)
            ?? throw new InvalidOperationException($"Recording {recordingId} does not belong to asset {assetId}.");
    }
}
