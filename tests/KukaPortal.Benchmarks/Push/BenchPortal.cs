using KukaPortal.TestSupport;

namespace KukaPortal.Benchmarks.Push;

/// <summary>
/// The portal on a real loopback Kestrel port and a throwaway database, with the production streaming and
/// push settings (the tests' shorter ticks would flatter the latency); models train with the tests' tiny settings.
/// </summary>
public sealed class BenchPortal : PortalFactory
{
    public BenchPortal() => UseKestrel(0);

    public Uri BaseAddress => ClientOptions.BaseAddress;

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Urls"] = "http://127.0.0.1:0";
            settings["Streaming:Tick"] = "00:00:00.250";
            settings["Streaming:PollInterval"] = "00:00:03";
            settings["Push:WindowInterval"] = "00:00:00.250";
            settings["Logging:LogLevel:Default"] = "Warning";
            return settings;
        }
    }
}
