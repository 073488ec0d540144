using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using KukaPortal.Data.Entities;
using KukaPortal.TestSupport;
using KukaPortal.Web.Monitoring;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace KukaPortal.Benchmarks.Push;

/// <summary>
/// Window completed → dashboard received, end to end on loopback: a machine sends samples to the ingest
/// endpoint at a steady rate of windows per second, the portal forms, scores, stores and pushes the
/// windows, and N SignalR clients (WebSockets, one connection each) subscribed to the asset record when
/// each window reaches them. A window's time is its last sample's timestamp, which the sender sets to the
/// moment it sends, so latency = received − window time, on one clock.
/// </summary>
public sealed class PushLatencyBench(PushBenchOptions options, TextWriter progress)
{
    private const int Window = 16; // the tests' model settings, which BenchPortal keeps
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(5);
    private static readonly string[] Channels = Enumerable.Range(1, RobotCsv.Channels).Select(c => $"axis{c}_current").ToArray();

    public async Task<string> RunAsync()
    {
        await using var portal = new BenchPortal();
        await portal.InitializeAsync();
        using var session = await PortalSession.SignInAsync(portal.BaseAddress, PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var (assetId, apiKey) = await PrepareAssetAsync(portal, session);

        var latencies = new ConcurrentBag<double>();
        var measureFrom = DateTimeOffset.MaxValue;
        var clients = new List<HubConnection>();
        progress.WriteLine($"Connecting {options.Clients} dashboards …");
        for (var i = 0; i < options.Clients; i++)
            clients.Add(await ConnectAsync(portal.BaseAddress, session.CookieHeader, assetId, windows =>
            {
                var now = DateTimeOffset.UtcNow;
                foreach (var w in windows.Where(w => w.At >= measureFrom))
                    latencies.Add((now - w.At).TotalMilliseconds);
            }));

        using var sender = new HttpClient { BaseAddress = portal.BaseAddress };
        sender.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        progress.WriteLine($"Sending {options.WindowsPerSecond} windows/s for {WarmUp.TotalSeconds:F0} s warm-up + {options.Seconds} s …");
        var sent = await SendAsync(sender, assetId, WarmUp, () => measureFrom = DateTimeOffset.UtcNow);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the last windows' pushes
        foreach (var client in clients) await client.DisposeAsync();

        return Report(latencies.ToArray(), sent);
    }

    private async Task<(int AssetId, string ApiKey)> PrepareAssetAsync(BenchPortal portal, PortalSession session)
    {
        var assetId = await portal.WithDbAsync(async db =>
        {
            var asset = new Asset { Name = "Bench robot", CreatedAt = DateTimeOffset.UtcNow };
            db.Assets.Add(asset);
            await db.SaveChangesAsync();
            return asset.Id;
        });
        progress.WriteLine("Training the asset's model …");
        var upload = await session.ReadAsync<UploadView>(await session.Client.PostAsync(
            $"/api/assets/{assetId}/recordings?purpose=normal&fileName=normal.csv", new StringContent(RobotCsv.Normal(3000))));
        var job = await session.ReadAsync<JobView>(await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/jobs/train", new { recordingId = upload.Recordings[0].Id }));
        while (job.State is not ("Succeeded" or "Failed"))
        {
            await Task.Delay(250);
            job = (await session.Client.GetFromJsonAsync<JobView>($"/api/jobs/{job.Id}"))!;
        }
        if (job.State != "Succeeded") throw new InvalidOperationException($"Training failed: {job.Error}");
        var key = await session.ReadAsync<KeyView>(await session.Client.PostAsJsonAsync($"/api/assets/{assetId}/api-keys", new { name = "bench" }));
        return (assetId, key.Key);
    }

    private static async Task<HubConnection> ConnectAsync(Uri baseAddress, string cookie, int assetId, Action<IReadOnlyList<WindowPoint>> received)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/monitoring"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.Headers["Cookie"] = cookie;
            })
            .Build();
        hub.On<WindowsScored>(nameof(IMonitoringClient.WindowsScored), m => received(m.Windows));
        await hub.StartAsync();
        await hub.InvokeAsync(nameof(MonitoringHub.JoinAsset), assetId);
        return hub;
    }

    /// <summary>One chunk per window, paced by a stopwatch; the last sample of each is stamped with the send time.</summary>
    private async Task<int> SendAsync(HttpClient sender, int assetId, TimeSpan warmUp, Action measuring)
    {
        var interval = TimeSpan.FromSeconds(1 / options.WindowsPerSecond);
        var total = (int)((warmUp.TotalSeconds + options.Seconds) * options.WindowsPerSecond);
        var warmUpWindows = (int)(warmUp.TotalSeconds * options.WindowsPerSecond);
        var clock = Stopwatch.StartNew();
        var row = 0;
        var last = 0.0;
        for (var k = 0; k < total; k++)
        {
            if (k == warmUpWindows) measuring();
            var due = interval * k - clock.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due);
            var now = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalSeconds;
            // Samples up to 0.5 ms apart ending now, and after the previous chunk's last one even when a slow
            // request made this chunk follow it closely.
            var step = Math.Min(0.0005, (now - last) / Window);
            var timestamps = Enumerable.Range(0, Window).Select(r => now - (Window - 1 - r) * step).ToArray();
            last = now;
            var values = timestamps.Select((_, r) => Channels.Select((_, c) => Math.Sin(2 * Math.PI * (row + r) / 47.3 + c) * (1 + 0.2 * c)).ToArray()).ToArray();
            row += Window;
            var response = await sender.PostAsJsonAsync($"/api/assets/{assetId}/samples", new { timestamps, channels = Channels, values });
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"Ingest refused window {k}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return total - warmUpWindows;
    }

    private string Report(double[] latencies, int windowsSent)
    {
        Array.Sort(latencies);
        string P(double q) => latencies.Length == 0 ? "–" : latencies[Math.Min(latencies.Length - 1, (int)(q * latencies.Length))].ToString("F0", CultureInfo.InvariantCulture);
        var expected = (long)windowsSent * options.Clients;
        return string.Join('\n',
            $"Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}",
            "",
            "| Clients | Windows/s | Windows sent | Deliveries (received / expected) | p50 ms | p95 ms | p99 ms | max ms |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|",
            $"| {options.Clients} | {options.WindowsPerSecond:G} | {windowsSent} | {latencies.Length} / {expected} | {P(0.50)} | {P(0.95)} | {P(0.99)} | {(latencies.Length == 0 ? "–" : latencies[^1].ToString("F0", CultureInfo.InvariantCulture))} |");
    }

    private sealed record UploadView(IReadOnlyList<RecordingView> Recordings);

    private sealed record RecordingView(int Id);

    private sealed record JobView(Guid Id, string State, string? Error);

    private sealed record KeyView(int Id, string Key);
}
