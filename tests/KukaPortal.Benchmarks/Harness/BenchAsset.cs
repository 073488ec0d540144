using System.Net.Http.Json;
using KukaPortal.Data.Entities;
using KukaPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Benchmarks.Harness;

/// <summary>
/// One asset of a bench portal, driven the way an engineer drives it: recordings uploaded and jobs queued over
/// HTTP. Jobs are awaited by reading their row, whose start and finish times the worker sets.
/// </summary>
public sealed class BenchAsset(PortalFactory portal, PortalSession session, int id) : IDisposable
{
    // Uploads of a gigabyte outlast HttpClient's default 100 s timeout on a loaded machine; the session's cookie signs them in.
    private readonly HttpClient _uploads = UploadClient(portal, session);

    public int Id => id;

    public static async Task<BenchAsset> CreateAsync(PortalFactory portal, PortalSession session, string name)
    {
        var assetId = await portal.WithDbAsync(async db =>
        {
            var asset = new Asset { Name = name, CreatedAt = DateTimeOffset.UtcNow };
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            return asset.Id;
        });
        return new BenchAsset(portal, session, assetId);
    }

    /// <returns>The stored recording's id.</returns>
    public async Task<int> UploadAsync(string path, string purpose)
    {
        await using var file = File.OpenRead(path);
        var response = await _uploads.PostAsync(
            $"/api/assets/{id}/recordings?purpose={purpose}&fileName={Uri.EscapeDataString(Path.GetFileName(path))}", new StreamContent(file));
        return (await session.ReadAsync<UploadView>(response)).Recordings[0].Id;
    }

    /// <summary>
    /// Trains the asset's default model on a recording and waits until it is the active model. Settings left null take
    /// the portal's configured ones.
    /// </summary>
    public async Task<Job> TrainAsync(int recordingId, int? window = null, int? latent = null, int? iterations = null) =>
        await WaitAsync(await QueueAsync("train", new { recordingId, window, latent, iterations }), TimeSpan.FromMinutes(30));

    public async Task<Guid> QueueScoreAsync(int recordingId) => await QueueAsync("score", new { recordingId });

    private async Task<Guid> QueueAsync(string kind, object request) =>
        (await session.ReadAsync<JobView>(await session.Client.PostAsJsonAsync($"/api/assets/{id}/jobs/{kind}", request))).Id;

    /// <summary>Polls the job's row until it is done; a failed or cancelled job stops the bench with its error.</summary>
    public async Task<Job> WaitAsync(Guid jobId, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var job = await portal.WithDbAsync(db => db.Jobs.AsNoTracking().SingleAsync(j => j.Id == jobId));
            if (job.State == JobState.Succeeded) return job;
            if (job.State is JobState.Failed or JobState.Cancelled)
                throw new InvalidOperationException($"{job.Kind} job {job.Id} ended {job.State}: {job.Error}");
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"{job.Kind} job {job.Id} did not finish within {timeout}; it is {job.State} at {job.Progress:P0}.");
            await Task.Delay(50);
        }
    }

    /// <summary>The active model's row (window length, version).</summary>
    public Task<DetectorModel> ActiveModelAsync() =>
        portal.WithDbAsync(db => db.Assets.AsNoTracking().Where(a => a.Id == id).Select(a => a.ActiveModel!).SingleAsync());

    public void Dispose() => _uploads.Dispose();

    private static HttpClient UploadClient(PortalFactory portal, PortalSession session)
    {
        var client = new HttpClient { BaseAddress = portal.ClientOptions.BaseAddress, Timeout = TimeSpan.FromMinutes(30) };
        client.DefaultRequestHeaders.Add("Cookie", session.CookieHeader);
        return client;
    }

    private sealed record UploadView(IReadOnlyList<RecordingView> Recordings);

    private sealed record RecordingView(int Id);

    private sealed record JobView(Guid Id);
}
