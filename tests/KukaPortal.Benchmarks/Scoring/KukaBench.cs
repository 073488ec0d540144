using System.Diagnostics;
using System.Globalization;
using KukaPortal.Benchmarks.Harness;
using KukaPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Benchmarks.Scoring;

/// <summary>
/// Suite 9: a KUKA-sized recording (275k rows × 86 channels) end to end through a running portal — uploaded over
/// HTTP, scored by a score job with the default model, every window stored (rows counted) and pushed (a SignalR
/// client on the asset counts what it receives) — in seconds per phase, against the 10 s.
/// </summary>
public sealed class KukaBench(TextWriter progress)
{
    private const double TargetSeconds = 10;

    public async Task<BenchSuiteReport> RunAsync(BenchArgs args)
    {
        var rows = args.Int("--rows", 275_000, 300, 5_000_000);
        var trainRows = args.Int("--train-rows", 20_000, 300, 1_000_000);
        var settings = ScoringBenchSettings.From(args);
        args.RejectUnknown("kuka");
        var loadBefore = BenchSuiteReport.LoadAverage();
        var folder = Directory.CreateTempSubdirectory("kukaportal-bench-kuka-");
        try
        {
            await using var portal = new ScoringBenchPortal(settings);
            await portal.InitializeAsync();
            using var session = await PortalSession.SignInAsync(portal.BaseAddress, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            using var asset = await BenchAsset.CreateAsync(portal, session, "KUKA bench robot");
            progress.WriteLine($"Training the default model ({settings.TrainingIterations} iterations on {trainRows:N0} rows) …");
            await asset.TrainAsync(await asset.UploadAsync(BenchRecording.WriteCsv(folder.FullName, "normal.csv", trainRows, seed: 1), "normal"));
            var csv = BenchRecording.WriteCsv(folder.FullName, "kuka.csv", rows, seed: 3);
            await using var dashboard = await WindowCounter.ConnectAsync(portal.BaseAddress, session.CookieHeader, asset.Id);

            progress.WriteLine($"Uploading {new FileInfo(csv).Length / 1e6:N0} MB, scoring, storing and pushing …");
            var clock = Stopwatch.StartNew();
            var recordingId = await asset.UploadAsync(csv, "scoring");
            var uploaded = clock.Elapsed;
            var jobId = await asset.QueueScoreAsync(recordingId);
            var job = await asset.WaitAsync(jobId, TimeSpan.FromMinutes(30));
            var stored = clock.Elapsed;
            var windows = await portal.WithDbAsync(db => db.WindowScores.CountAsync(w => w.RunId == jobId));
            while (dashboard.Received < windows)
            {
                if (clock.Elapsed - stored > TimeSpan.FromMinutes(1))
                    throw new TimeoutException($"The dashboard received {dashboard.Received} of {windows} windows within a minute of the job's end.");
                await Task.Delay(10);
            }
            var pushed = clock.Elapsed;
            var queued = job.StartedAt!.Value - job.CreatedAt;
            var scoring = job.FinishedAt!.Value - job.StartedAt!.Value;

            var command = $"./kukaportal bench kuka {string.Join(' ', args.Effective)}";
            return new BenchSuiteReport("kuka", command, DateTimeOffset.UtcNow, BenchSuiteReport.DescribeMachine(portal.Services), loadBefore, BenchSuiteReport.LoadAverage(),
            [
                new("Upload", "POST /api/assets/{id}/recordings (receive, validate, store .npz)", uploaded.TotalSeconds, "s",
                    Invariant($"{rows:N0} rows × 86 channels, {new FileInfo(csv).Length / 1e6:N1} MB CSV")),
                new("Queue → job started", "JobScheduler → JobWorker", queued.TotalSeconds, "s", "the job row's created → started"),
                new("Score + store", "ScoreJobHandler", scoring.TotalSeconds, "s", Invariant($"{windows:N0} windows stored, job started → finished ({windows / scoring.TotalSeconds:N0} windows/s)")),
                new("Stored → all pushed", "WindowPushThrottle → SignalR", (pushed - stored).TotalSeconds, "s",
                    Invariant($"{dashboard.Received:N0} windows received by one WebSocket client (seen by polling every 50 ms)")),
                new("Total", "upload start → last window received", pushed.TotalSeconds, "s", "", Invariant($"≤ {TargetSeconds} s"), pushed.TotalSeconds <= TargetSeconds),
            ],
            ["Training the model, writing the CSV and connecting the dashboard happen before the clock starts. The job is awaited by polling its row every 50 ms."]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
