using System.Net.Http.Json;
using KukaPortal.Data.Entities;
using KukaPortal.TestSupport;

namespace KukaPortal.Benchmarks.Harness;

/// <summary>Creates assets and gives them what the load needs, through the portal's own API.</summary>
public sealed class BenchAssets(BenchPortal portal, PortalSession session, TextWriter progress)
{
    /// <summary>Training steps of the models the harness trains: they only have to exist, not to be good.</summary>
    public const int Iterations = 100;

    public async Task<int> CreateAsync(string name) => await portal.WithDbAsync(async db =>
    {
        var asset = new Asset { Name = name, CreatedAt = DateTimeOffset.UtcNow };
        db.Assets.Add(asset);
        await db.SaveChangesAsync();
        return asset.Id;
    });

    /// <summary>Stores a synthetic robot recording through the upload API and returns its id.</summary>
    public async Task<int> UploadAsync(int assetId, string purpose, string csv, string fileName)
    {
        var upload = await session.ReadAsync<UploadView>(await session.Client.PostAsync(
            $"/api/assets/{assetId}/recordings?purpose={purpose}&fileName={fileName}", new StringContent(csv)));
        return upload.Recordings[0].Id;
    }

    /// <summary>Assets that accept samples: each with a trained (active) model and an ingest API key. The models train one after another in the worker.</summary>
    public async Task<IReadOnlyList<FedAsset>> CreateFedAsync(int count, string namePrefix)
    {
        var pending = new List<(int AssetId, Guid JobId)>();
        for (var i = 0; i < count; i++)
        {
            var assetId = await CreateAsync($"{namePrefix} {i + 1}");
            var recordingId = await UploadAsync(assetId, "normal", RobotCsv.Normal(3000, seed: i + 1), "normal.csv");
            pending.Add((assetId, await QueueTrainingAsync(assetId, recordingId)));
        }
        progress.WriteLine($"Training {count} model(s) …");
        var fed = new List<FedAsset>();
        foreach (var (assetId, jobId) in pending)
        {
            var job = await WaitAsync(jobId, CancellationToken.None);
            if (job.State != "Succeeded") throw new InvalidOperationException($"Training the model of asset {assetId} failed: {job.Error}");
            var key = await session.ReadAsync<KeyView>(await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/api-keys", new { name = "bench" }));
            fed.Add(new FedAsset(assetId, key.Key));
        }
        return fed;
    }

    public async Task<Guid> QueueTrainingAsync(int assetId, int recordingId) =>
        (await session.ReadAsync<JobView>(await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/jobs/train", new { recordingId, iterations = Iterations }))).Id;

    public async Task<Guid> QueueScoringAsync(int assetId, int recordingId) =>
        (await session.ReadAsync<JobView>(await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/jobs/score", new { recordingId }))).Id;

    /// <summary>Polls the job until it ends (succeeded, failed or cancelled).</summary>
    public async Task<JobView> WaitAsync(Guid jobId, CancellationToken ct)
    {
        while (true)
        {
            var job = (await session.Client.GetFromJsonAsync<JobView>($"/api/jobs/{jobId}", ct))!;
            if (job.State is "Succeeded" or "Failed" or "Cancelled") return job;
            await Task.Delay(250, ct);
        }
    }
}

/// <summary>An asset with an active model and the API key its machine sends samples with.</summary>
public sealed record FedAsset(int AssetId, string ApiKey);
