using System.CommandLine;
using KukaPortal.Core.Formats;

namespace KukaPortal.Cli.Commands;

/// <summary>The column options every verb that reads recordings takes (inspect, and later train/score/evaluate).</summary>
public sealed class ReadOptionsArguments
{
    public Option<string?> Delimiter { get; } = new("--delimiter") { Description = "CSV field separator: ',', ';' or 'tab' (default: detected)." };
    public Option<string?> TimestampColumn { get; } = new("--timestamp-column") { Description = "Column holding the time (seconds or ISO 8601)." };
    public Option<string?> LabelColumn { get; } = new("--label-column") { Description = "Column holding the 0/1 anomaly label." };
    public Option<string?> ExcludeColumns { get; } = new("--exclude-columns") { Description = "Comma-separated columns to ignore." };

    public void AddTo(Command command)
    {
        command.Options.Add(Delimiter);
        command.Options.Add(TimestampColumn);
        command.Options.Add(LabelColumn);
        command.Options.Add(ExcludeColumns);
    }

    public RecordingReadOptions Bind(ParseResult result) => new()
    {
        Delimiter = ParseDelimiter(result.GetValue(Delimiter)),
        TimestampColumn = result.GetValue(TimestampColumn),
        LabelColumn = result.GetValue(LabelColumn),
        ExcludeColumns = (result.GetValue(ExcludeColumns) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.OrdinalIgnoreCase),
    };

    private static char? ParseDelimiter(string? text) => text switch
    {
        null or "" => null,
        "tab" or "\\t" => '\t',
        { Length: 1 } => text[0],
        _ => throw new FormatException($"The delimiter must be one character or 'tab', not '{text}'."),
    };
}
