using System.Collections.Concurrent;
using KukaPortal.Benchmarks.Harness;
using KukaPortal.Data.Entities;
using KukaPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace KukaPortal.Benchmarks.Soak;

/// <summary>
/// Everything at once on one in-process portal (loopback Kestrel, real PostgreSQL, real worker): live
/// dashboards on fed assets (pushes and page loads), concurrent uploads, scoring jobs and a training job,
/// each re-queued when it ends, for a fixed time. Then it checks that every dashboard got every window
/// of its asset's live run and reports errors by kind, latencies, jobs completed and memory.
/// </summary>
public sealed class SoakRun(SoakOptions options, TextWriter progress)
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public async Task<SoakReport> RunAsync()
    {
        var loadBefore = LoadAverage();
        var memory = new MemorySampler();
        var errors = new SoakErrors();
        await using var portal = new BenchPortal();
        await portal.InitializeAsync();
        using var session = await PortalSession.SignInAsync(portal.BaseAddress, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var assets = new BenchAssets(portal, session, progress);

        progress.WriteLine("Setting up: fed assets, a scoring asset and a training asset …");
        var fedAndScoring = await assets.CreateFedAsync(options.Assets + (options.ScoringJobs > 0 ? 1 : 0), "Soak robot");
        var fed = fedAndScoring.Take(options.Assets).ToArray();
        var scoringAsset = fedAndScoring.Count > options.Assets ? fedAndScoring[^1].AssetId : 0;
        var scoringRecording = scoringAsset == 0 ? 0 : await PortalApi.UploadAsync(session, scoringAsset, RobotCsv.WithAnomaly(3000, 1500, 100), "scoring", "scoring.csv");
        var trainingAsset = await assets.CreateAsync("Soak training robot");
        var trainingRecording = await PortalApi.UploadAsync(session, trainingAsset, RobotCsv.Normal(3000, seed: 99), "normal", "normal.csv");
        var uploadAsset = await assets.CreateAsync("Soak upload target");

        var latencies = new LatencyLog();
        var dashboards = new List<Dashboard>();
        for (var i = 0; i < options.Dashboards; i++)
            dashboards.Add(await Dashboard.ConnectAsync(portal.BaseAddress, session.CookieHeader, fed[i % fed.Length].AssetId, latencies));

        var startMemory = memory.Sample();
        using var stop = new CancellationTokenSource(options.Duration);
        var end = DateTimeOffset.UtcNow + options.Duration;
        var memoryTask = memory.RunAsync(stop.Token);
        progress.WriteLine($"Soaking for {options.Minutes:G} min: {options.Dashboards} dashboards on {fed.Length} assets at {options.WindowsPerSecond:G} windows/s each, " +
                           $"{options.Uploads} uploads, {options.ScoringJobs} scoring and {options.TrainingJobs} training jobs …");
        _ = Task.Delay(WarmUp, stop.Token).ContinueWith(_ => latencies.MeasureFrom(DateTimeOffset.UtcNow), TaskScheduler.Default);

        using var sender = new HttpClient { BaseAddress = portal.BaseAddress };
        var feeders = fed.Select(a => new WindowFeeder(sender, a, options.WindowsPerSecond)
            .RunAsync(int.MaxValue, (status, body) => errors.Add(SoakErrors.Http, $"ingest to asset {a.AssetId}: {status} {body}"), stop.Token)).ToArray();
        var uploadMs = new ConcurrentBag<double>();
        var uploads = Enumerable.Range(0, options.Uploads).Select(_ => new UploadLoop(session.Client, uploadAsset, options.UploadRows, errors, uploadMs)).ToArray();
        var scoring = Enumerable.Range(0, options.ScoringJobs).Select(_ => new JobLoop(session, "scoring",
            async () => (await PortalApi.QueueJobAsync(session, scoringAsset, "score", scoringRecording)).Id, errors)).ToArray();
        var training = Enumerable.Range(0, options.TrainingJobs).Select(_ => new JobLoop(session, "training",
            () => assets.QueueTrainingAsync(trainingAsset, trainingRecording), errors)).ToArray();
        var pages = new PageLoop(session.Client, dashboards.Select(d => d.AssetId).ToArray(), TimeSpan.FromSeconds(options.PageSeconds), errors);

        var work = new List<Task>(feeders);
        work.AddRange(uploads.Select((u, i) => u.RunAsync(seed: 1000 * (i + 1), stop.Token)));
        work.AddRange(scoring.Concat(training).Select(j => j.RunAsync(end)));
        work.Add(pages.RunAsync(stop.Token));
        foreach (var task in work)
            _ = task.ContinueWith(t => errors.Add(SoakErrors.Exception, t.Exception!.GetBaseException().ToString()), TaskContinuationOptions.OnlyOnFaulted);
        await Task.WhenAll(work).ContinueWith(_ => { }, TaskScheduler.Default);
        await memoryTask;

        progress.WriteLine("Stopped; waiting for the last pushes …");
        await Task.Delay(Settle);
        await CountLostWindowsAsync(portal, fed, dashboards, errors);
        foreach (var dashboard in dashboards)
        {
            errors.Add(SoakErrors.Disconnect, $"a dashboard of asset {dashboard.AssetId} lost its connection", dashboard.Disconnects);
            await dashboard.DisposeAsync();
        }

        var report = new SoakReport(options, errors, latencies.Summary(), Percentiles.Of(uploadMs), uploads.Sum(u => u.Completed), pages.Completed,
            scoring.Sum(j => j.Completed), training.Sum(j => j.Completed), startMemory, memory.Peak, memory.Sample(),
            loadBefore, LoadAverage(), portal.LatencySettings);
        ReportStalls(report, errors);
        return report;
    }

    /// <summary>Each dashboard must have every window of its asset's live run from the first it got (it joined before feeding began) to the last stored.</summary>
    private static async Task CountLostWindowsAsync(BenchPortal portal, FedAsset[] fed, List<Dashboard> dashboards, SoakErrors errors)
    {
        foreach (var asset in fed)
        {
            var stored = await portal.WithDbAsync(db => db.StreamRuns
                .Where(r => r.AssetId == asset.AssetId && r.Source == StreamSource.Live)
                .Select(r => new { r.Id, Last = db.WindowScores.Where(w => w.RunId == r.Id).Max(w => (int?)w.WindowIndex) })
                .SingleOrDefaultAsync());
            if (stored?.Last is not { } last)
            {
                errors.Add(SoakErrors.LostWindow, $"asset {asset.AssetId} stored no live window at all");
                continue;
            }
            foreach (var dashboard in dashboards.Where(d => d.AssetId == asset.AssetId))
            {
                var missing = dashboard.Missing(stored.Id, 0, last);
                errors.Add(SoakErrors.LostWindow, $"a dashboard of asset {asset.AssetId} missed {missing} of windows 0…{last}", missing);
            }
        }
    }

    private void ReportStalls(SoakReport report, SoakErrors errors)
    {
        (string Load, bool Asked, int Done)[] loads =
        [
            ("window pushes", options.Dashboards > 0, report.Push.Count), ("uploads", options.Uploads > 0, report.Uploads), ("page loads", options.Dashboards > 0, report.Pages),
            ("scoring jobs", options.ScoringJobs > 0, report.ScoringJobs), ("training jobs", options.TrainingJobs > 0, report.TrainingJobs),
        ];
        foreach (var (load, _, _) in loads.Where(l => l.Asked && l.Done == 0))
            errors.Add(SoakErrors.Stalled, $"no {load} completed in {options.Minutes:G} min");
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];
}
