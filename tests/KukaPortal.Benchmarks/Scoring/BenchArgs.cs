using System.Globalization;

namespace KukaPortal.Benchmarks.Scoring;

/// <summary>
/// The <c>--name value</c> options and <c>--json</c> flag of one bench verb. Unknown options and values out of
/// range are refused with a message that names the option, so a typo never runs the default by accident.
/// </summary>
public sealed class BenchArgs
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly List<string> _used = ["--json"];

    public BenchArgs(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--json") { Json = true; continue; }
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
                throw new BenchUsageException($"Expected --option value, not '{args[i]}'.");
            _values[args[i]] = args[++i];
        }
    }

    public bool Json { get; }

    /// <summary>The command line as the report prints it: every option with the value it ran with.</summary>
    public List<string> Effective { get; } = [];

    public int Int(string name, int fallback, int min, int max)
    {
        _used.Add(name);
        var value = fallback;
        if (_values.TryGetValue(name, out var text) && !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
            throw new BenchUsageException($"{name} must be a whole number, not '{text}'.");
        if (value < min || value > max)
            throw new BenchUsageException(string.Create(CultureInfo.InvariantCulture, $"{name} must be between {min} and {max}, not {value}."));
        Effective.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {value}"));
        return value;
    }

    /// <summary>Call after reading every option: refuses the ones the verb does not know.</summary>
    public void RejectUnknown(string verb)
    {
        var unknown = _values.Keys.Except(_used).ToList();
        if (unknown.Count > 0)
            throw new BenchUsageException($"bench {verb} has no option {string.Join(", ", unknown)}; it takes {string.Join(", ", _used)}.");
    }
}

/// <summary>A bench verb's options are wrong; the message says which and how.</summary>
public sealed class BenchUsageException(string message) : Exception(message);
