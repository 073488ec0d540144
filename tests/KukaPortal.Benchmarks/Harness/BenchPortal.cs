using KukaPortal.TestSupport;
using KukaPortal.Web.Monitoring;
using KukaPortal.Web.Streaming;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KukaPortal.Benchmarks.Harness;

/// <summary>
/// The portal on a real loopback Kestrel port and a throwaway database, with the production streaming and
/// push settings of appsettings.json (the tests' shorter ticks would flatter the latency; environment
/// variables such as <c>Push__WindowInterval</c> still override them); models train with the tests' tiny
/// settings. The one in-process harness of the push bench and the soak.
/// </summary>
public sealed class BenchPortal : PortalFactory
{
    private readonly int? _torchThreads;

    /// <param name="torchThreads">
    /// Null: the tests' torch settings (one thread, 16 windows a scoring batch). Otherwise production's (appsettings.json:
    /// 256 windows a batch, score jobs' batches side by side) with this many torch threads, 0 being every core.
    /// </param>
    public BenchPortal(int? torchThreads = null)
    {
        _torchThreads = torchThreads;
        UseKestrel(0);
    }

    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>The settings that shape push latency, as the running portal resolved them, for the report.</summary>
    public string LatencySettings
    {
        get
        {
            var streaming = Services.GetRequiredService<IOptions<StreamingOptions>>().Value;
            var push = Services.GetRequiredService<IOptions<PushOptions>>().Value;
            var torch = _torchThreads switch { null => "torch on 1 thread (the tests')", 0 => "torch on every core", { } n => $"torch on {n} thread(s)" };
            return $"pipeline tick {streaming.Tick.TotalMilliseconds:F0} ms, push interval {push.WindowInterval.TotalMilliseconds:F0} ms, {torch}";
        }
    }

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Urls"] = "http://127.0.0.1:0";
            foreach (var testOverride in settings.Keys.Where(k => k.StartsWith("Streaming:", StringComparison.Ordinal) || k.StartsWith("Push:", StringComparison.Ordinal)).ToList())
                settings.Remove(testOverride);
            if (_torchThreads is { } threads)
            {
                settings.Remove("Worker:ScoringBatchSize");
                settings["Torch:Threads"] = threads.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            settings["Logging:LogLevel:Default"] = "Warning";
            return settings;
        }
    }
}
