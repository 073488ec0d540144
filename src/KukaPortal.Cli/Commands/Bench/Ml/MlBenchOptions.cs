using System.CommandLine;
using System.Globalization;

namespace KukaPortal.Cli.Commands.Bench.Ml;

/// <summary>The options the torch suites share: comma-separated grids, the torch thread count, timing and --json.</summary>
internal static class MlBenchOptions
{
    /// <summary>A comma-separated list of integers in [min, max], e.g. <c>--batches 1,64,256</c>; rejected at parse time with the bad entry named.</summary>
    public static Option<string> IntList(string name, string description, string defaults, int min, int max)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaults };
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>() ?? "";
            var entries = Split(text);
            if (entries.Length == 0)
                result.AddError($"{name} needs at least one value.");
            foreach (var entry in entries)
            {
                if (!int.TryParse(entry, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
                    result.AddError($"{name}: '{entry}' is not a whole number between {min} and {max}.");
            }
        });
        return option;
    }

    /// <summary>The validated values of an <see cref="IntList"/> option, each once, in the order given.</summary>
    public static IReadOnlyList<int> Parse(string? text) => [.. Split(text ?? "").Select(e => int.Parse(e, CultureInfo.InvariantCulture)).Distinct()];

    public static Option<int> Threads() => Bounded("--threads", "Torch intra-op threads; 0 keeps torch's default (the physical cores).", 0, 0, 1024);

    public static Option<int> Repeat(int defaults) => Bounded("--repeat", "Timed runs of each measurement after a warm-up; the best one counts.", defaults, 1, 100);

    public static Option<bool> Json() => new("--json") { Description = "Print the results as JSON instead of a Markdown table." };

    public static Option<int> Bounded(string name, string description, int defaults, int min, int max)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaults };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
                result.AddError($"{name} must be between {min} and {max}, not {value}.");
        });
        return option;
    }

    private static string[] Split(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
