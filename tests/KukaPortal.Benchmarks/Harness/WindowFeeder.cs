using System.Diagnostics;
using System.Net.Http.Json;
using KukaPortal.TestSupport;

namespace KukaPortal.Benchmarks.Harness;

/// <summary>
/// A machine sending samples to one asset's ingest endpoint: one chunk per window (W rows) at a steady rate
/// of windows per second, paced by a stopwatch. The last sample of each chunk is stamped with the moment
/// it is sent, which becomes the window's time, so a dashboard's latency is received − sent on one clock.
/// </summary>
public sealed class WindowFeeder(HttpClient client, FedAsset asset, double windowsPerSecond)
{
    public const int Window = 16; // the tests' model settings, which BenchPortal keeps
    private static readonly string[] Channels = Enumerable.Range(1, RobotCsv.Channels).Select(c => $"axis{c}_current").ToArray();
    private int _row;
    private double _last;

    /// <summary>Sends until <paramref name="ct"/> is cancelled or <paramref name="windows"/> were sent.</summary>
    /// <param name="refused">Called with the status and body of a chunk the portal refused; sending goes on.</param>
    /// <returns>The time of each window the portal accepted.</returns>
    public async Task<IReadOnlyList<DateTimeOffset>> RunAsync(int windows, Action<int, string> refused, CancellationToken ct)
    {
        var interval = TimeSpan.FromSeconds(1 / windowsPerSecond);
        var clock = Stopwatch.StartNew();
        var accepted = new List<DateTimeOffset>();
        for (var sent = 0; sent < windows && !ct.IsCancellationRequested; sent++)
        {
            var due = interval * sent - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                try { await Task.Delay(due, ct); }
                catch (OperationCanceledException) { break; }
            }
            var (chunk, at) = NextChunk();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/assets/{asset.AssetId}/samples") { Content = JsonContent.Create(chunk) };
            request.Headers.Add("X-Api-Key", asset.ApiKey);
            using var response = await client.SendAsync(request, CancellationToken.None);
            if (response.IsSuccessStatusCode) accepted.Add(at);
            else refused((int)response.StatusCode, await response.Content.ReadAsStringAsync(CancellationToken.None));
        }
        return accepted;
    }

    private (object Chunk, DateTimeOffset At) NextChunk()
    {
        var now = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalSeconds;
        // Samples up to 0.5 ms apart ending now, and after the previous chunk's last one even when a slow
        // request made this chunk follow it closely.
        var step = Math.Min(0.0005, (now - _last) / Window);
        var timestamps = Enumerable.Range(0, Window).Select(r => now - (Window - 1 - r) * step).ToArray();
        _last = now;
        var values = timestamps.Select((_, r) => Channels.Select((_, c) => Math.Sin(2 * Math.PI * (_row + r) / 47.3 + c) * (1 + 0.2 * c)).ToArray()).ToArray();
        _row += Window;
        return (new { timestamps, channels = Channels, values }, DateTimeOffset.UnixEpoch.AddSeconds(now));
    }
}
