using KukaPortal.Benchmarks.Harness;
using KukaPortal.Benchmarks.Scoring;
using KukaPortal.Benchmarks.Soak;
using KukaPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Benchmarks.Push;

/// <summary>
/// Score jobs kept running while dashboards watch live assets, as a plant's backlog of recordings would: an asset of
/// its own with the default model (W = 30, latent 30) and a stored 86-channel recording that is scored over and over.
/// Counts the windows the jobs store, so a latency row can say how much batch work ran beside it.
/// </summary>
public sealed class ScoreBacklog(PortalFactory portal, PortalSession session, BenchAsset asset, int recordingId) : IDisposable
{
    /// <summary>3,333 windows a job: long enough that queueing the next job is a small part of the time.</summary>
    public const int DefaultRows = 100_000;
    private const int Window = 30;

    public static async Task<ScoreBacklog> CreateAsync(PortalFactory portal, PortalSession session, int rows, TextWriter progress)
    {
        var asset = await BenchAsset.CreateAsync(portal, session, "Bench backlog");
        var folder = Directory.CreateTempSubdirectory("kukaportal-push-backlog-");
        try
        {
            progress.WriteLine($"Training the backlog's default model and storing a {rows:N0}-row recording …");
            var train = await asset.UploadAsync(BenchRecording.WriteCsv(folder.FullName, "normal.csv", Math.Min(rows, 5_000), seed: 7), "normal");
            await asset.TrainAsync(train, Window, latent: Window, BenchAssets.Iterations);
            var recording = await asset.UploadAsync(BenchRecording.WriteCsv(folder.FullName, "backlog.csv", rows, seed: 8), "scoring");
            return new ScoreBacklog(portal, session, asset, recording);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Keeps <paramref name="jobs"/> score jobs queued or running until <paramref name="end"/>; the one in flight then is cancelled.</summary>
    public Task RunAsync(int jobs, DateTimeOffset end, SoakErrors errors) =>
        Task.WhenAll(Enumerable.Range(0, jobs).Select(_ => new JobLoop(session, "backlog scoring", () => asset.QueueScoreAsync(recordingId), errors).RunAsync(end)));

    /// <summary>Windows the backlog's jobs have stored so far.</summary>
    public Task<int> StoredWindowsAsync() => portal.WithDbAsync(db => db.WindowScores.CountAsync(w => w.AssetId == asset.Id));

    public void Dispose() => asset.Dispose();
}
