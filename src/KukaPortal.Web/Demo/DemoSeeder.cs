using KukaPortal.Core.Formats;
using KukaPortal.Core.Series;
using KukaPortal.Core.Simulation;
using KukaPortal.Data;
using KukaPortal.Data.Entities;
using KukaPortal.Data.Storage;
using KukaPortal.Web.Jobs;
using KukaPortal.Web.Recordings;
using KukaPortal.Web.Streaming;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KukaPortal.Web.Demo;

/// <summary>
/// Sets up the self-running demo one idempotent step at a time: the asset, a normal and an anomalous
/// recording from the built-in simulator (imported like uploads), a training job, and once the model
/// is active a looping ×1 replay of the anomalous recording. Each step first checks whether it was
/// already done, so restarts (and several nodes, which take turns on an advisory lock) never create
/// anything twice; once the replay has been started the demo leaves the asset to its users.
/// </summary>
public sealed class DemoSeeder(
    IDbContextFactory<PortalDbContext> dbFactory, BlobStore blobs, RecordingImporter importer, JobScheduler scheduler,
    ReplayControl replays, StreamLocks locks, IOptions<DemoOptions> options, TimeProvider time, ILogger<DemoSeeder> logger)
{
    public const string AssetName = "Demo robot cell (simulated)";
    public const string NormalFile = "demo-normal.parquet";
    public const string AnomalousFile = "demo-anomalies.parquet";
    private const string User = "demo";

    /// <summary>Every kind but dropped samples: the importer (and live ingest) refuse rows with missing values.</summary>
    private static readonly AnomalyKind[] DemoAnomalies = AnomalyKinds.Kinds.Where(k => k != AnomalyKind.Missing).ToArray();

    /// <summary>No asset has id 0, so the stream lock of "asset 0" serialises the demo's steps across nodes.</summary>
    private const int DemoLockKey = 0;

    /// <summary>Runs the next due step; true once the demo is complete (or cannot complete) and needs no more checks.</summary>
    public async Task<bool> StepAsync(CancellationToken ct)
    {
        await using var held = await locks.TryAcquireAsync(DemoLockKey, ct);
        if (held is null) return false;

        var asset = await FindOrCreateAssetAsync(ct);
        var normal = await FindOrImportAsync(asset.Id, NormalFile, RecordingPurpose.Normal, [], options.Value.Seed, ct);
        var anomalous = await FindOrImportAsync(asset.Id, AnomalousFile, RecordingPurpose.Scoring, DemoAnomalies, options.Value.Seed + 1, ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.StreamRuns.AnyAsync(r => r.AssetId == asset.Id && r.Source == StreamSource.Replay, ct)) return true;
        if (await db.Assets.Where(a => a.Id == asset.Id).Select(a => a.ActiveModelId).SingleAsync(ct) is null)
        {
            var trainings = await db.Jobs.Where(j => j.AssetId == asset.Id && j.Kind == JobKind.Train).Select(j => j.State).ToListAsync(ct);
            if (trainings.Any(s => s is JobState.Queued or JobState.Running)) return false;
            if (trainings.Count > 0)
            {
                logger.LogError("The demo's training job did not produce a model; the demo stops here. Train {Asset} by hand to continue.", AssetName);
                return true;
            }
            await scheduler.TrainAsync(asset.Id, normal.Id, User, ct);
            logger.LogInformation("Demo: training a model on {File}", NormalFile);
            return false;
        }

        await replays.StartAsync(asset.Id, anomalous.Id, speed: 1, loop: true, User, ct);
        logger.LogInformation("Demo: replaying {File} in a loop at recorded speed", AnomalousFile);
        return true;
    }

    private async Task<Asset> FindOrCreateAssetAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Name == AssetName, ct) is { } existing) return existing;
        var asset = new Asset
        {
            Name = AssetName, CreatedAt = time.GetUtcNow(),
            Description = "A simulated 6-axis pick-and-place cell, created on the first run: trained on normal data, then replaying a recording with labelled anomalies.",
        };
        db.Assets.Add(asset);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo: created asset {Asset}", AssetName);
        return asset;
    }

    private async Task<Recording> FindOrImportAsync(int assetId, string fileName, RecordingPurpose purpose, IReadOnlyList<AnomalyKind> anomalies, int seed, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Recordings.AsNoTracking().FirstOrDefaultAsync(r => r.AssetId == assetId && r.FileName == fileName, ct) is { } existing)
                return existing;
        }
        var series = await Task.Run(() => RobotSimulator.Generate(new RobotSimulationOptions { Rows = options.Value.Rows, Seed = seed, Anomalies = anomalies }).Series, ct);
        var file = new UploadedFile(fileName, await WriteParquetAsync(series, ct));
        var outcome = await importer.ImportAsync(assetId, [file], ImportRequest.Default(purpose), User, ct);
        if (!outcome.Succeeded)
            throw new InvalidOperationException($"The demo's simulated recording {fileName} was rejected: {string.Join(" ", outcome.Problems)}");
        logger.LogInformation("Demo: imported {File} ({Rows} rows)", fileName, series.Rows);
        return outcome.Recordings.Single();
    }

    /// <summary>Parquet, like an upload: it keeps the timestamps and the labels, and the importer reads it as it reads any upload.</summary>
    private async Task<StoredBlob> WriteParquetAsync(TimeSeries series, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kukaportal-demo-{Guid.NewGuid():N}.parquet");
        await using (var stream = File.Create(path))
            await ParquetRecordingWriter.WriteAsync(stream, series, cancellationToken: ct);
        return blobs.Adopt(path, UploadReceiver.Folder, ".parquet");
    }
}
