using System.Globalization;

namespace KukaPortal.Benchmarks.Push;

/// <param name="Clients">Dashboards in all, spread evenly over the assets.</param>
/// <param name="Assets">Assets fed with samples, each by a machine of its own.</param>
/// <param name="WindowsPerSecond">Windows completed per second on each asset.</param>
/// <param name="Seconds">How long samples are sent after the warm-up.</param>
/// <param name="WarmUpSeconds">
/// How long samples are sent before latencies count. 15 s: after 5 s the runtime was still compiling the hot paths'
/// optimised code (its tiering thread took an eighth of the process's CPU in the measured 20 s), which a portal that
/// runs for days does once.
/// </param>
public sealed record PushBenchOptions(int Clients = 50, int Assets = 1, double WindowsPerSecond = 20, double Seconds = 20, double WarmUpSeconds = 15)
{
    /// <summary>Issue 8's two scenarios: 50 dashboards on one asset, and 200 over 20 assets (10 each).</summary>
    public static readonly IReadOnlyList<PushBenchOptions> Standard = [new(50, 1), new(200, 20)];

    /// <summary>No options: both standard scenarios. Otherwise the one scenario the options describe (unset ones take the first scenario's values).</summary>
    public static IReadOnlyList<PushBenchOptions> Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0) return Standard;
        if (args.Count % 2 != 0) throw new ArgumentException("Each option needs a value: --clients N --assets N --rate N --seconds N --warm-up N.");
        var options = new PushBenchOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value <= 0)
                throw new ArgumentException($"{args[i]} needs a positive number, not '{args[i + 1]}'.");
            options = args[i] switch
            {
                "--clients" => options with { Clients = (int)value },
                "--assets" => options with { Assets = (int)value },
                "--rate" => options with { WindowsPerSecond = value },
                "--seconds" => options with { Seconds = value },
                "--warm-up" => options with { WarmUpSeconds = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --clients, --assets, --rate, --seconds or --warm-up."),
            };
        }
        if (options.Clients < options.Assets) throw new ArgumentException("Give every asset at least one client (--clients ≥ --assets).");
        return [options];
    }
}
