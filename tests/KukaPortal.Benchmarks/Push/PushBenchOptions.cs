using System.Globalization;

namespace KukaPortal.Benchmarks.Push;

/// <param name="Clients">Dashboards subscribed to the one asset.</param>
/// <param name="WindowsPerSecond">Windows completed per second by the machine sending samples.</param>
/// <param name="Seconds">How long samples are sent.</param>
public sealed record PushBenchOptions(int Clients = 50, double WindowsPerSecond = 20, double Seconds = 30)
{
    public static PushBenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new PushBenchOptions();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            var value = double.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--clients" => options with { Clients = (int)value },
                "--rate" => options with { WindowsPerSecond = value },
                "--seconds" => options with { Seconds = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --clients, --rate or --seconds."),
            };
        }
        return options;
    }
}
