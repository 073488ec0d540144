using System.Globalization;

namespace KukaPortal.Benchmarks.Soak;

/// <param name="Minutes">How long the load runs (setup and the final checks come on top: about half a minute).</param>
/// <param name="Dashboards">Live dashboards, spread evenly over the fed assets.</param>
/// <param name="Assets">Assets fed with live samples, each by a machine of its own.</param>
/// <param name="WindowsPerSecond">Windows per second on each fed asset.</param>
/// <param name="Uploads">Concurrent upload loops.</param>
/// <param name="UploadRows">Rows of each uploaded CSV.</param>
/// <param name="ScoringJobs">Scoring jobs kept queued or running at once.</param>
/// <param name="TrainingJobs">Training jobs kept queued or running at once.</param>
/// <param name="PageSeconds">Each dashboard reloads its asset's page this often.</param>
public sealed record SoakOptions(
    double Minutes = 10, int Dashboards = 50, int Assets = 5, double WindowsPerSecond = 5, int Uploads = 5, int UploadRows = 2000,
    int ScoringJobs = 2, int TrainingJobs = 1, double PageSeconds = 10)
{
    public TimeSpan Duration => TimeSpan.FromMinutes(Minutes);

    public static SoakOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count % 2 != 0) throw new ArgumentException("Each option needs a value, e.g. --minutes 2.");
        var options = new SoakOptions();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
                throw new ArgumentException($"{args[i]} needs a number ≥ 0, not '{args[i + 1]}'.");
            options = args[i] switch
            {
                "--minutes" => options with { Minutes = value },
                "--dashboards" => options with { Dashboards = (int)value },
                "--assets" => options with { Assets = (int)value },
                "--rate" => options with { WindowsPerSecond = value },
                "--uploads" => options with { Uploads = (int)value },
                "--upload-rows" => options with { UploadRows = (int)value },
                "--scoring-jobs" => options with { ScoringJobs = (int)value },
                "--training-jobs" => options with { TrainingJobs = (int)value },
                "--page-seconds" => options with { PageSeconds = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --minutes, --dashboards, --assets, --rate, --uploads, --upload-rows, --scoring-jobs, --training-jobs or --page-seconds."),
            };
        }
        if (options.Minutes <= 0 || options.Assets < 1 || options.WindowsPerSecond <= 0 || options.PageSeconds <= 0 || options.UploadRows < 100)
            throw new ArgumentException("--minutes, --assets, --rate and --page-seconds must be positive and --upload-rows at least 100.");
        if (options.Dashboards < options.Assets) throw new ArgumentException("Give every fed asset at least one dashboard (--dashboards ≥ --assets).");
        return options;
    }
}
