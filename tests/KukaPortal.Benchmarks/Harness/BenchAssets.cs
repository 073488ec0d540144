using System.Net.Http.Json;
using KukaPortal.Data.Entities;
using KukaPortal.TestSupport;

namespace KukaPortal.Benchmarks.Harness;

/// <summary>Creates assets and gives them what the load needs, through the portal's own API (<see cref="PortalApi"/>).</summary>
public sealed class BenchAssets(BenchPortal portal, PortalSession session, TextWriter progress)
{
    /// <summary>Training steps of the models the harness trains: they only have to exist, not to be good.</summary>
    public const int Iterations = 100;

    private static readonly TimeSpan SetupTimeout = TimeSpan.FromMinutes(10);

    public async Task<int> CreateAsync(string name) => await portal.WithDbAsync(async db =>
    {
        var asset = new Asset { Name = name, CreatedAt = DateTimeOffset.UtcNow };
        db.Assets.Add(asset);
        await db.SaveChangesAsync();
        return asset.Id;
    });

    /// <summary>Assets that accept samples: each with a trained (active) model and an ingest API key. The models train one after another in the worker.</summary>
    public async Task<IReadOnlyList<FedAsset>> CreateFedAsync(int count, string namePrefix)
    {
        var queued = new List<(int AssetId, Guid JobId)>();
        for (var i = 0; i < count; i++)
        {
            var assetId = await CreateAsync($"{namePrefix} {i + 1}");
            var recordingId = await PortalApi.UploadAsync(session, assetId, RobotCsv.Normal(3000, seed: i + 1), "normal", "normal.csv");
            queued.Add((assetId, await QueueTrainingAsync(assetId, recordingId)));
        }
        progress.WriteLine($"Training {count} model(s) …");
        var fed = new List<FedAsset>();
        foreach (var (assetId, jobId) in queued)
        {
            var job = await PortalApi.WaitForJobAsync(session, jobId, SetupTimeout);
            if (job.State != "Succeeded") throw new InvalidOperationException($"Training the model of asset {assetId} ended {job.State}: {job.Error}");
            var key = await session.ReadAsync<KeyView>(await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/api-keys", new { name = "bench" }));
            fed.Add(new FedAsset(assetId, key.Key));
        }
        return fed;
    }

    public async Task<Guid> QueueTrainingAsync(int assetId, int recordingId) =>
        (await PortalApi.QueueTrainingAsync(session, assetId, new { recordingId, iterations = Iterations })).Id;

    private sealed record KeyView(int Id, string Key);
}

/// <summary>An asset with an active model and the API key its machine sends samples with.</summary>
public sealed record FedAsset(int AssetId, string ApiKey);
