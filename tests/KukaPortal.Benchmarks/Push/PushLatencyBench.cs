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

        var rows = new List<string>();
        foreach (var scenario in scenarios)
            rows.Add(await RunScenarioAsync(portal, session, assets.Take(scenario.Assets).ToArray(), scenario, backlog));
        load.Add(File.ReadAllText("/proc/loadavg").Split(' ')[0]);

        return string.Join('\n', [
            $"Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores; load average {load[0]} before, {load[1]} after; {portal.LatencySettings}; " +
            $"warm-up {string.Join(" / ", scenarios.Select(s => $"{s.WarmUpSeconds:G} s"))} (not counted)",
            "",
            "| Clients | Assets | Windows/s per asset | Windows measured | Deliveries (received / expected) | p50 ms | p95 ms | p99 ms | max ms | Bench process CPU ms / window | PostgreSQL CPU ms / window | Full GCs | GC pauses ms | Machine busy / steal % | Score jobs beside: windows/s stored |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            .. rows]);
    }

    private async Task<string> RunScenarioAsync(BenchPortal portal, PortalSession session, FedAsset[] assets, PushBenchOptions options, ScoreBacklog? backlog)
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
        var backlogRate = options.ScoreJobs > 0 ? $"{(await backlog!.StoredWindowsAsync() - backlogAtStart) / clock.Elapsed.TotalSeconds:N0}" : "–";
        await Task.Delay(TimeSpan.FromSeconds(3)); // the last windows' pushes
        var cpu = CpuReading.Now() - cpuAtStart;
        foreach (var dashboard in dashboards) await dashboard.DisposeAsync();
        await scoring;
        if (backlogErrors.Total > 0) throw new InvalidOperationException($"The score jobs beside the dashboards failed: {string.Join("; ", backlogErrors.Samples)}");

        // Expected deliveries: each measured window of an asset, once to each of its dashboards.
        var measured = assets.Select((a, i) => (a.AssetId, Windows: sent[i].Count(latencies.Counts))).ToDictionary(x => x.AssetId, x => x.Windows);
        var expected = dashboards.Sum(d => (long)measured[d.AssetId]);
        var p = latencies.Summary();
        var windows = Math.Max(1, measured.Values.Sum());
        return $"| {options.Clients} | {assets.Length} | {options.WindowsPerSecond.ToString("G", CultureInfo.InvariantCulture)} | {measured.Values.Sum():N0} | {p.Count:N0} / {expected:N0} | " +
               $"{Percentiles.Ms(p.P50)} | {Percentiles.Ms(p.P95)} | {Percentiles.Ms(p.P99)} | {Percentiles.Ms(p.Max)} | " +
               $"{cpu.ProcessSeconds * 1000 / windows:F2} | {cpu.PostgresSeconds * 1000 / windows:F2} | {cpu.FullCollections:N0} | {cpu.GcPauses.TotalMilliseconds:N0} | {cpu.BusyAndSteal()} | {backlogRate} |" +
               (refused > 0 ? $" ({refused} chunks refused)" : "");
    }
}
