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
/// <param name="ScoreJobs">
/// Score jobs kept running alongside, warm-up included (each scores a stored recording with the default model, then the
/// next is queued): a plant's backlog of recordings on the same machine as its live dashboards.
/// </param>
public sealed record PushBenchOptions(int Clients = 50, int Assets = 1, double WindowsPerSecond = 20, double Seconds = 20, double WarmUpSeconds = 15, int ScoreJobs = 0)
{
    /// <summary>Issue 8's two scenarios: 50 dashboards on one asset, and 200 over 20 assets (10 each).</summary>
    public static readonly IReadOnlyList<PushBenchOptions> Standard = [new(50, 1), new(200, 20)];

    private static readonly string[] ScenarioOptions = ["--clients", "--assets", "--rate", "--seconds", "--warm-up"];

    /// <summary>
    /// No scenario options: both standard scenarios. Otherwise the one scenario the options describe (unset ones take the
    /// first scenario's values). <c>--score-jobs</c> applies to every scenario, <c>--torch-threads</c> and
    /// <c>--backlog-rows</c> to the portal.
    /// </summary>
    public static PushBenchRun Parse(IReadOnlyList<string> arguments)
    {
        var json = arguments.Contains("--json");
        var args = arguments.Where(a => a != "--json").ToList();
        if (args.Count % 2 != 0) throw new ArgumentException("Each option needs a value: --clients N --assets N --rate N --seconds N --warm-up N --score-jobs N --torch-threads N --backlog-rows N.");
        var options = new PushBenchOptions();
        int? torchThreads = null;
        var backlogRows = ScoreBacklog.DefaultRows;
        var scenarioGiven = false;
        for (var i = 0; i < args.Count; i += 2)
        {
            var (name, text) = (args[i], args[i + 1]);
            var mayBeZero = name is "--score-jobs" or "--torch-threads";
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || (value == 0 && !mayBeZero))
                throw new ArgumentException($"{name} needs a {(mayBeZero ? "whole number ≥ 0" : "positive number")}, not '{text}'.");
            scenarioGiven |= ScenarioOptions.Contains(name);
            options = name switch
            {
                "--clients" => options with { Clients = (int)value },
                "--assets" => options with { Assets = (int)value },
                "--rate" => options with { WindowsPerSecond = value },
                "--seconds" => options with { Seconds = value },
                "--warm-up" => options with { WarmUpSeconds = value },
                "--score-jobs" => options with { ScoreJobs = (int)value },
                "--torch-threads" or "--backlog-rows" => options,
                _ => throw new ArgumentException($"Unknown option {name}; use --clients, --assets, --rate, --seconds, --warm-up, --score-jobs, --torch-threads or --backlog-rows."),
            };
            if (name == "--torch-threads") torchThreads = (int)value;
            if (name == "--backlog-rows") backlogRows = (int)value;
        }
        if (options.Clients < options.Assets) throw new ArgumentException("Give every asset at least one client (--clients ≥ --assets).");
        var scoreJobs = options.ScoreJobs;
        return new PushBenchRun(scenarioGiven ? [options] : Standard.Select(s => s with { ScoreJobs = scoreJobs }).ToList(), torchThreads, backlogRows, json);
    }
}

/// <param name="TorchThreads">The portal's <c>Torch:Threads</c> (0 = every core, as in production); null keeps the tests' one thread.</param>
/// <param name="BacklogRows">Rows of the recording the score jobs alongside score (<see cref="ScoreBacklog"/>).</param>
/// <param name="Json">The report as JSON for scripts instead of docs/performance.md's table.</param>
public sealed record PushBenchRun(IReadOnlyList<PushBenchOptions> Scenarios, int? TorchThreads, int BacklogRows, bool Json = false);
