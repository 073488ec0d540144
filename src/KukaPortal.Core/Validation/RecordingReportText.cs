using System.Globalization;
using System.Text;

namespace KukaPortal.Core.Validation;

/// <summary>The report as plain text for a terminal (<c>kukaportal inspect</c>): the verdict first, then what matters.</summary>
public static class RecordingReportText
{
    /// <summary>Every report, then the files left out, then a one-line verdict.</summary>
    public static string Render(ValidatedBatch batch)
    {
        var text = new StringBuilder();
        foreach (var report in batch.Reports) text.Append(Render(report)).Append('\n');
        foreach (var skipped in batch.Skipped) text.Append(Invariant($"skipped {skipped.SourceName}: {skipped.Reason}\n"));
        var accepted = batch.Reports.Count(r => r.Accepted);
        text.Append(Invariant($"{batch.Reports.Count} recording(s): {accepted} accepted, {batch.Reports.Count - accepted} rejected\n"));
        return text.ToString();
    }

    /// <summary>One report: the verdict, the shape, timing, labels, missing values, then errors, warnings and notes.</summary>
    public static string Render(RecordingReport report)
    {
        var text = new StringBuilder();
        var title = report.Name is null ? report.Source : $"{report.Name} ({report.Source})";
        text.Append(Invariant($"{title}: {(report.Accepted ? "accepted" : "rejected")}\n"));
        if (report.Format is { } format)
        {
            text.Append(Invariant($"  {Name(format)}, role {Name(report.Role)}, {report.Rows:N0} rows × {report.ChannelCount:N0} channels\n"));
            text.Append("  timing: ").Append(Timing(report.Timing)).Append('\n');
            if (report.Labels is { } labels) text.Append(Invariant($"  labels: {labels.Normal:N0} normal, {labels.Anomalous:N0} anomalous\n"));
            text.Append("  missing values: ").Append(Missing(report.MissingValues)).Append('\n');
            foreach (var channel in report.Channels.Where(c => c.Missing + c.Infinite > 0))
                text.Append(Invariant($"    {channel.Name}: {channel.Missing:N0} missing, {channel.Infinite:N0} infinite, first at row {channel.FirstNonFiniteRow}\n"));
            if (report.ConstantChannels.Count > 0) text.Append("  constant channels: ").Append(string.Join(", ", report.ConstantChannels)).Append('\n');
        }
        Section(text, "errors", report.Errors.Select(e => e.Message));
        Section(text, "warnings", report.Warnings.Select(w => w.Message));
        Section(text, "notes", report.Notes);
        return text.ToString();
    }

    private static string Timing(TimingReport? timing) => timing switch
    {
        null => "no timestamps",
        { PeriodMedianSeconds: null } => Invariant($"no time step forward, span {timing.SpanSeconds:G6} s"),
        _ => Invariant($"period {timing.PeriodMedianSeconds:G6} s (jitter {timing.PeriodJitterMadSeconds:G3} s MAD, {timing.PeriodJitterStdSeconds:G3} s std), span {timing.SpanSeconds:G6} s"),
    };

    private static string Missing(MissingValueReport? missing) => missing switch
    {
        null or { MissingValues: 0 } => "none",
        _ => Invariant($"{missing.MissingValues:N0} in {missing.RowsWithMissing:N0} rows, policy {Name(missing.Policy)}")
            + (missing.ValuesInterpolated > 0 ? Invariant($", {missing.ValuesInterpolated:N0} interpolated") : "")
            + (missing.RowsDropped > 0 ? Invariant($", {missing.RowsDropped:N0} rows dropped") : ""),
    };

    private static void Section(StringBuilder text, string title, IEnumerable<string> lines)
    {
        var items = lines.ToArray();
        if (items.Length == 0) return;
        text.Append("  ").Append(title).Append(":\n");
        foreach (var line in items) text.Append("    - ").Append(line).Append('\n');
    }

    private static string Name<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
