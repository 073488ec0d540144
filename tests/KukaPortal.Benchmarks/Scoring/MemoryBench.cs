using System.Globalization;
using KukaPortal.Benchmarks.Harness;
using KukaPortal.Data.Entities;
using KukaPortal.TestSupport;
using KukaPortal.Web.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KukaPortal.Benchmarks.Scoring;

/// <summary>
/// Suite 8: this process's resident memory (the portal runs in it) before and after N score jobs and M training jobs
/// run by the portal's worker and job handlers, against the issue's "growth &lt; 5 %"; then the peak while a
/// recording of about 1 GB is uploaded and imported. Reported, never asserted: RSS on a shared machine is a figure
/// to read, not a test.
/// </summary>
public sealed class MemoryBench(TextWriter progress)
{
    private const double GrowthTargetPercent = 5;
    private const int ScoreSampleEvery = 100;
    private const int TrainSampleEvery = 5;
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

            var series = new List<string> { MemorySplit.Header };
            var before = Sample(series, "warm-up").ResidentMb;
            var scheduler = portal.Services.GetRequiredService<JobScheduler>();
            progress.WriteLine($"{scoreJobs:N0} score jobs of {scoreRows:N0} rows …");
            var afterScoring = await RunJobsAsync(portal, asset.Id, JobKind.Score, scoreJobs, ScoreSampleEvery, series,
                () => scheduler.ScoreAsync(asset.Id, scoringId, "bench", CancellationToken.None));
            progress.WriteLine($"{trainJobs} training jobs of {settings.TrainingIterations} iterations …");
            var after = await RunJobsAsync(portal, asset.Id, JobKind.Train, trainJobs, TrainSampleEvery, series,
                () => scheduler.TrainAsync(asset.Id, normalId, "bench", CancellationToken.None));

            var rows = (int)Math.Ceiling(importMegabytes * 1e6 / CsvBytesPerRow);
            progress.WriteLine($"Writing a {rows:N0}-row CSV (about {importMegabytes:N0} MB) and importing it …");
            var big = BenchRecording.WriteCsv(folder.FullName, "big.csv", rows, seed: 4);
            var beforeImport = ProcessMemory.SettledResidentMegabytes();
            ProcessMemory.ResetPeak();
            await asset.UploadAsync(big, "scoring");
            var peak = ProcessMemory.PeakMegabytes();

            var growth = (after - before) / before * 100;
            var command = $"./kukaportal bench memory {string.Join(' ', args.Effective)}";
            return new BenchSuiteReport("memory", command, DateTimeOffset.UtcNow, BenchSuiteReport.DescribeMachine(portal.Services), loadBefore, BenchSuiteReport.LoadAverage(),
            [
                new("RSS before the jobs", "VmRSS", before, "MB", "after one warm-up job of each kind and a full compacting GC"),
                new(Invariant($"RSS after {scoreJobs:N0} score jobs"), "ScoreJobHandler", afterScoring, "MB", Invariant($"{scoreRows:N0} rows each, {(afterScoring - before) / before:P1} over before")),
                new(Invariant($"RSS after {trainJobs} training jobs too"), "TrainJobHandler", after, "MB", Invariant($"{settings.TrainingIterations} iterations each")),
                new("Growth over all jobs", "(after − before) ÷ before", growth, "%", Invariant($"{after - before:N1} MB"),
                    Invariant($"< {GrowthTargetPercent} %"), growth < GrowthTargetPercent),
                new("Peak RSS importing a recording", "VmHWM during POST /api/assets/{id}/recordings", peak, "MB",
                    Invariant($"{new FileInfo(big).Length / 1e6:N0} MB CSV, {rows:N0} rows × 86 channels; RSS {beforeImport:N0} MB just before")),
            ],
            ["RSS is the whole process: the portal, its worker, libtorch and this bench's HTTP client. Each figure follows a full compacting garbage collection; the peak is VmHWM reset (clear_refs) just before the upload.",
             Invariant($"Memory after every {ScoreSampleEvery} score jobs and every {TrainSampleEvery} training jobs (managed: the GC's live objects and committed heap; malloc: glibc's bytes in use and freed-but-kept, summed over its arenas):\n\n{string.Join('\n', series)}")]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Queues <paramref name="count"/> jobs through the scheduler (as the API does), <paramref name="sampleEvery"/> at a
    /// time, and waits until the worker has finished each lot before sampling memory: the series tells a leak (growth
    /// that keeps its slope) from pools and caches filling (growth that levels off). Returns RSS after the last lot.
    /// </summary>
    private async Task<double> RunJobsAsync(ScoringBenchPortal portal, int assetId, JobKind kind, int count, int sampleEvery, List<string> series, Func<Task<Job>> queue)
    {
        var resident = ProcessMemory.SettledResidentMegabytes();
        for (var done = 0; done < count;)
        {
            var lot = Math.Min(sampleEvery, count - done);
            await RunLotAsync(portal, assetId, kind, lot, queue);
            done += lot;
            resident = Sample(series, Invariant($"{done:N0} {(kind == JobKind.Train ? "training" : "score")} jobs")).ResidentMb;
        }
        return resident;
    }

    private MemorySplit Sample(List<string> series, string label)
    {
        var split = MemorySplit.Settled();
        series.Add(split.Row(label));
        progress.WriteLine(Invariant($"  {label}: RSS {split.ResidentMb:N1} MB ({split.AnonymousMb:N1} anon, {split.FileMb:N1} file, {split.SharedMb:N1} shmem, {split.JitMethods:N0} jitted, {split.Threads} threads), managed {split.ManagedLiveMb:N1} MB live / {split.ManagedCommittedMb:N1} MB committed, malloc {split.MallocInUseMb:N1} MB in use / {split.MallocFreeMb:N1} MB free"));
        return split;
    }

    private static async Task RunLotAsync(ScoringBenchPortal portal, int assetId, JobKind kind, int count, Func<Task<Job>> queue)
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
