using System.IO.Compression;
using KukaPortal.Core.Images;
using KukaPortal.Core.Simulation.Inspection;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Storage;
using KukaPortal.Web.Jobs;
using KukaPortal.Web.Recordings;
using KukaPortal.Web.Streaming;
using KukaPortal.Web.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Demo;

/// <summary>
/// Sets up the demo's inspection station one idempotent step at a time, like <see cref="DemoSeeder"/>: the station,
/// a simulated set of metal parts in MVTec layout (grey, 64 px) imported as an upload would be, a conv-ae-2d
/// training job, and once the model is active a scoring job over the set's test images. Each step first checks
/// whether it was done already, so restarts and several nodes never create anything twice.
/// </summary>
public sealed class InspectionDemoSeeder(
    IDbContextFactory<PortalDbContext> dbFactory, BlobStore blobs, RecordingImporter importer, JobScheduler scheduler,
    StreamLocks locks, IOptions<DemoOptions> options, ILogger<InspectionDemoSeeder> logger, TimeProvider time)
{
    public const string SetFile = "demo-inspection.zip";
    public const int ImageSize = 64;
    private const string User = "demo";

    /// <summary>Below every asset id and apart from the robot demo's 0: serialises this demo's steps across nodes.</summary>
    private const int DemoLockKey = -1;

    /// <summary>Runs the next due step; true once the station's demo is complete (or off, or cannot complete).</summary>
    public async Task<bool> StepAsync(CancellationToken ct)
    {
        if (!options.Value.Inspection) return true;
        await using var held = await locks.TryAcquireAsync(DemoLockKey, ct);
        if (held is null) return false;

        var station = await FindOrCreateStationAsync(ct);
        var (train, test) = await FindOrImportAsync(station.Id, ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jobs = await db.Jobs.AsNoTracking().Where(j => j.AssetId == station.Id).Select(j => new { j.Kind, j.State }).ToListAsync(ct);
        if (jobs.Any(j => j.Kind == JobKind.ScoreImages)) return true;
        if (await db.Assets.Where(a => a.Id == station.Id).Select(a => a.ActiveModelId).SingleAsync(ct) is null)
        {
            var trainings = jobs.Where(j => j.Kind == JobKind.TrainImages).Select(j => j.State).ToList();
            if (trainings.Any(s => s is JobState.Queued or JobState.Running)) return false;
            if (trainings.Count > 0)
            {
                logger.LogError("The inspection demo's training job did not produce a model; the demo stops here. Train {Station} by hand to continue.", station.Name);
                return true;
            }
            await scheduler.TrainImagesAsync(station.Id, new ImageTrainingRequest
            {
                RecordingIds = [train.Id], Family = ImageTrainingRequest.DefaultFamily, Size = ImageSize, Channels = 1,
                Iterations = options.Value.InspectionIterations, BatchSize = 16,
            }, User, ct);
            logger.LogInformation("Demo: training conv-ae-2d on {Set}", train.FileName);
            return false;
        }
        await scheduler.ScoreImagesAsync(station.Id, test.Id, User, ct);
        logger.LogInformation("Demo: scoring {Set}", test.FileName);
        return true;
    }

    private async Task<Asset> FindOrCreateStationAsync(CancellationToken ct)
    {
        var name = options.Value.InspectionStationName;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Name == name, ct) is { } existing) return existing;
        var station = new Asset
        {
            Name = name, Kind = AssetKind.InspectionStation, CreatedAt = time.GetUtcNow(),
            Description = "A simulated inspection station for machined metal parts, created on the first run: trained on defect-free images, then scoring a test set with scratches, holes, stains and cracks.",
        };
        db.Assets.Add(station);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo: created inspection station {Station}", name);
        return station;
    }

    private async Task<(Recording Train, Recording Test)> FindOrImportAsync(int stationId, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var existing = await db.Recordings.AsNoTracking().Where(r => r.AssetId == stationId && r.FileName.StartsWith(SetFile + "/")).ToListAsync(ct);
            if (existing.Count == 2)
                return (existing.Single(r => r.Purpose == RecordingPurpose.Normal), existing.Single(r => r.Purpose == RecordingPurpose.Scoring));
        }
        var file = new UploadedFile(SetFile, await Task.Run(() => WriteSimulatedSet(ct), ct));
        var request = ImportRequest.Default(RecordingPurpose.Normal) with { Images = new ImageImportOptions(ImageSize, ImageColour.Grey, ImageFit.Pad) };
        var outcome = await importer.ImportAsync(stationId, [file], request, User, ct);
        if (!outcome.Succeeded)
            throw new InvalidOperationException($"The demo's simulated image set was rejected: {string.Join(" ", outcome.Problems)}");
        logger.LogInformation("Demo: imported {Set} ({Images} images)", SetFile, outcome.Recordings.Sum(r => r.Rows));
        return (outcome.Recordings.Single(r => r.Purpose == RecordingPurpose.Normal), outcome.Recordings.Single(r => r.Purpose == RecordingPurpose.Scoring));
    }

    /// <summary>A zip in MVTec layout, like an upload: the importer reads it as it reads any image set, and keeps it as the original.</summary>
    private StoredBlob WriteSimulatedSet(CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"kukaportal-demo-set-{Guid.NewGuid():N}");
        var zip = folder + ".zip";
        try
        {
            InspectionSetWriter.Write(folder, new InspectionSimulationOptions
            {
                Texture = SurfaceTexture.Metal, Grey = true, Size = ImageSize, Train = options.Value.InspectionTrainImages,
                TestGood = 4, TestDefectPerKind = 3, Seed = options.Value.Seed,
            }, ct);
            ZipFile.CreateFromDirectory(folder, zip);
            return blobs.Adopt(zip, UploadReceiver.Folder, ".zip");
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
