using System.Globalization;
using System.Diagnostics;
using KukaPortal.Benchmarks.Harness;
using KukaPortal.Benchmarks.Soak;
using KukaPortal.TestSupport;

namespace KukaPortal.Benchmarks.Push;

/// <summary>
/// Window completed → dashboard received, end to end on loopback: machines send samples to the ingest
/// endpoint at a steady rate of windows per second, the portal forms, scores, stores and pushes the
/// windows, and SignalR clients subscribed to the assets record when each window reaches them. Optionally with score
/// jobs running beside them (<see cref="ScoreBacklog"/>).
/// </summary>
public sealed class PushLatencyBench(TextWriter progress)
{
    public async Task<string> RunAsync(PushBenchRun run)
    {
        var scenarios = run.Scenarios;
        var load = new List<string> { File.ReadAllText("/proc/loadavg").Split(' ')[0] };
        await using var portal = new BenchPortal(run.TorchThreads);
        await portal.InitializeAsync();
        using var session = await PortalSession.SignInAsync(portal.BaseAddress, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var assets = await new BenchAssets(portal, session, progress).CreateFedAsync(scenarios.Max(s => s.Assets), "Bench robot");
        using var backlog = scenarios.Any(s => s.ScoreJobs > 0) ? await ScoreBacklog.CreateAsync(portal, session, run.BacklogRows, progress) : null;

        var results = new List<PushScenarioResult>();
        foreach (var scenario in scenarios)
            results.Add(await RunScenarioAsync(portal, session, assets.Take(scenario.Assets).ToArray(), scenario, backlog));
        load.Add(File.ReadAllText("/proc/loadavg").Split(' ')[0]);

        var report = new PushBenchReport(DateTimeOffset.UtcNow, Environment.ProcessorCount, load[0], load[1], portal.LatencySettings,
            scenarios.Select(s => s.WarmUpSeconds).ToList(), results);
        return run.Json ? report.Json() : report.Markdown();
    }

    private async Task<PushScenarioResult> RunScenarioAsync(BenchPortal portal, PortalSession session, FedAsset[] assets, PushBenchOptions options, ScoreBacklog? backlog)
    {
        var latencies = new LatencyLog();
        progress.WriteLine($"Connecting {options.Clients} dashboards to {assets.Length} asset(s) …");
        var dashboards = new List<Dashboard>();
        for (var i = 0; i < options.Clients; i++)
            dashboards.Add(await Dashboard.ConnectAsync(portal.BaseAddress, session.CookieHeader, assets[i % assets.Length].AssetId, latencies));

        using var sender = new HttpClient { BaseAddress = portal.BaseAddress };
        var warmUp = TimeSpan.FromSeconds(options.WarmUpSeconds);
        var perAsset = (int)((warmUp.TotalSeconds + options.Seconds) * options.WindowsPerSecond);
        var refused = 0;
        progress.WriteLine($"Sending {options.WindowsPerSecond} windows/s to each asset for {warmUp.TotalSeconds:F0} s warm-up + {options.Seconds} s …");
        var backlogErrors = new SoakErrors();
        var scoring = options.ScoreJobs > 0 && backlog is not null
            ? backlog.RunAsync(options.ScoreJobs, DateTimeOffset.UtcNow + warmUp + TimeSpan.FromSeconds(options.Seconds), backlogErrors)
            : Task.CompletedTask;
        var cpuAtStart = default(CpuReading);
        var clock = new Stopwatch();
        var backlogAtStart = 0;
        var measuring = Task.Run(async () =>
        {
            await Task.Delay(warmUp);
            cpuAtStart = CpuReading.Now();
            latencies.MeasureFrom(DateTimeOffset.UtcNow);
            clock.Start();
            if (options.ScoreJobs > 0) backlogAtStart = await backlog!.StoredWindowsAsync();
        });
        var sent = await Task.WhenAll(assets.Select(a => new WindowFeeder(sender, a, options.WindowsPerSecond)
            .RunAsync(perAsset, (status, body) =>
            {
                Interlocked.Increment(ref refused);
                progress.WriteLine($"Ingest refused a chunk of asset {a.AssetId}: {status} {body}");
            }, CancellationToken.None)));
        await measuring;
        // Backlog windows stored while samples were sent after the warm-up, before the jobs are cancelled.
        double? backlogRate = options.ScoreJobs > 0 ? (await backlog!.StoredWindowsAsync() - backlogAtStart) / clock.Elapsed.TotalSeconds : null;
        await Task.Delay(TimeSpan.FromSeconds(3)); // the last windows' pushes
        var cpu = CpuReading.Now() - cpuAtStart;
        foreach (var dashboard in dashboards) await dashboard.DisposeAsync();
        await scoring;
        if (backlogErrors.Total > 0) throw new InvalidOperationException($"The score jobs beside the dashboards failed: {string.Join("; ", backlogErrors.Samples)}");

        // Expected deliveries: each measured window of an asset, once to each of its dashboards.
        var measured = assets.Select((a, i) => (a.AssetId, Windows: sent[i].Count(latencies.Counts))).ToDictionary(x => x.AssetId, x => x.Windows);
        var expected = dashboards.Sum(d => (long)measured[d.AssetId]);
        var windows = measured.Values.Sum();
        var perWindow = 1000.0 / Math.Max(1, windows);
        var latency = latencies.Summary();
        return new PushScenarioResult(options, windows, latency.Count, expected, latency,
            cpu.ProcessSeconds * perWindow, cpu.PostgresSeconds * perWindow, cpu.FullCollections, cpu.GcPauses.TotalMilliseconds, cpu.BusyPercent, cpu.StealPercent,
            backlogRate, refused);
    }
}
