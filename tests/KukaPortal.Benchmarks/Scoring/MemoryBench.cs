using System.Globalization;
using KukaPortal.Data.Entities;
using KukaPortal.TestSupport;
using KukaPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.Benchmarks.Scoring;

/// <summary>
/// Suite 8: this process's resident memory (the portal runs in it) before and after N score jobs and M training jobs
/// run by the portal's worker and job handlers, against the "growth &lt; 5 %"; then the peak while a
/// recording of about 1 GB is uploaded and imported. Reported, never asserted: RSS on a shared machine is a figure
/// to read, not a test.
/// </summary>
public sealed class MemoryBench(TextWriter progress)
{
    private const double GrowthTargetPercent = 5;
    /// <summary>Bytes per row of the simulator's 86-channel CSV (239.1 MB for 275,000 rows, docs/performance.md).</summary>
    private const double CsvBytesPerRow = 870;

    public async Task<BenchSuiteReport> RunAsync(BenchArgs args)
    {
        var scoreJobs = args.Int("--score-jobs", 1000, 1, 100_000);
        var scoreRows = args.Int("--score-rows", 600, 30, 1_000_000);
        var trainJobs = args.Int("--train-jobs", 20, 0, 1000);
        var importMegabytes = args.Int("--import-mb", 1000, 1, 10_000);
        var settings = ScoringBenchSettings.From(args);
        args.RejectUnknown("memory");
        var loadBefore = BenchSuiteReport.LoadAverage();
        var folder = Directory.CreateTempSubdirectory("kukaportal-bench-memory-");
        try
        {
            await using var portal = new ScoringBenchPortal(settings);
            await portal.InitializeAsync();
            using var session = await PortalSession.SignInAsync(portal.BaseAddress, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
            using var asset = await BenchAsset.CreateAsync(portal, session, "Memory bench robot");
            var normalId = await asset.UploadAsync(BenchRecording.WriteCsv(folder.FullName, "normal.csv", 2000, seed: 1), "normal");
            var scoringId = await asset.UploadAsync(BenchRecording.WriteCsv(folder.FullName, "scoring.csv", scoreRows, seed: 2), "scoring");
            // Warm-up: one job of each kind, so that code loaded once (JIT, libtorch, pools) is in the baseline.
            progress.WriteLine("Warm-up: one training job and one score job …");
            await asset.TrainAsync(normalId);
            await asset.WaitAsync(await asset.QueueScoreAsync(scoringId), TimeSpan.FromMinutes(5));

            var before = ProcessMemory.SettledResidentMegabytes();
            var scheduler = portal.Services.GetRequiredService<JobScheduler>();
            progress.WriteLine($"{scoreJobs:N0} score jobs of {scoreRows:N0} rows …");
            await RunJobsAsync(portal, asset.Id, JobKind.Score, scoreJobs, () => scheduler.ScoreAsync(asset.Id, scoringId, "bench", CancellationToken.None));
            var afterScoring = ProcessMemory.SettledResidentMegabytes();
            progress.WriteLine($"{trainJobs} training jobs of {settings.TrainingIterations} iterations …");
            await RunJobsAsync(portal, asset.Id, JobKind.Train, trainJobs, () => scheduler.TrainAsync(asset.Id, normalId, "bench", CancellationToken.None));
            var after = ProcessMemory.SettledResidentMegabytes();

            var rows = (int)Math.Ceiling(importMegabytes * 1e6 / CsvBytesPerRow);
            progress.WriteLine($"Writing a {rows:N0}-row CSV (about {importMegabytes:N0} MB) and importing it …");
            var big = BenchRecording.WriteCsv(folder.FullName, "big.csv", rows, seed: 4);
            var beforeImport = ProcessMemory.SettledResidentMegabytes();
            ProcessMemory.ResetPeak();
            await asset.UploadAsync(big, "scoring");
            var peak = ProcessMemory.PeakMegabytes();

            var growth = (after - before) / before * 100;
            var command = $"./kukaportal bench memory {string.Join(' ', args.Effective)}";
            return new BenchSuiteReport("memory", command, DateTimeOffset.UtcNow, BenchSuiteReport.DescribeMachine(), loadBefore, BenchSuiteReport.LoadAverage(),
            [
                new("RSS before the jobs", "VmRSS", before, "MB", "after one warm-up job of each kind and a full compacting GC"),
                new(Invariant($"RSS after {scoreJobs:N0} score jobs"), "ScoreJobHandler", afterScoring, "MB", Invariant($"{scoreRows:N0} rows each, {(afterScoring - before) / before:P1} over before")),
                new(Invariant($"RSS after {trainJobs} training jobs too"), "TrainJobHandler", after, "MB", Invariant($"{settings.TrainingIterations} iterations each")),
                new("Growth over all jobs", "(after − before) ÷ before", growth, "%", Invariant($"{after - before:N1} MB"),
                    Invariant($"< {GrowthTargetPercent} %"), growth < GrowthTargetPercent),
                new("Peak RSS importing a recording", "VmHWM during POST /api/assets/{id}/recordings", peak, "MB",
                    Invariant($"{new FileInfo(big).Length / 1e6:N0} MB CSV, {rows:N0} rows × 86 channels; RSS {beforeImport:N0} MB just before")),
            ],
            ["RSS is the whole process: the portal, its worker, libtorch and this bench's HTTP client. Each figure follows a full compacting garbage collection; the peak is VmHWM reset (clear_refs) just before the upload."]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Queues <paramref name="count"/> jobs through the scheduler (as the API does) and waits until the worker has finished them all.</summary>
    private static async Task RunJobsAsync(ScoringBenchPortal portal, int assetId, JobKind kind, int count, Func<Task<Job>> queue)
    {
        var done = await FinishedAsync(portal, assetId, kind);
        for (var i = 0; i < count; i++) await queue();
        var target = done + count;
        while (true)
        {
            var failed = await portal.WithDbAsync(db => db.Jobs.CountAsync(j => j.AssetId == assetId && j.Kind == kind && j.State != JobState.Succeeded && j.State != JobState.Queued && j.State != JobState.Running));
            if (failed > 0) throw new InvalidOperationException($"{failed} {kind} job(s) failed or were cancelled.");
            if (await FinishedAsync(portal, assetId, kind) >= target) return;
            await Task.Delay(200);
        }
    }

    private static Task<int> FinishedAsync(ScoringBenchPortal portal, int assetId, JobKind kind) =>
        portal.WithDbAsync(db => db.Jobs.CountAsync(j => j.AssetId == assetId && j.Kind == kind && j.State == JobState.Succeeded));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
