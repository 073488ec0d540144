using System.Globalization;
using System.Text;

namespace KukaPortal.Cli.Commands.Experiments.Benchmarks;

/// <summary>The report of a dataset benchmark: the protocol, a summary row per model, and each case's detection and false-alarm rates per model.</summary>
internal static class BenchmarkMarkdown
{
    public static string Write(BenchmarkData data, IReadOnlyList<ModelResult> results, string commandLine)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## {data.Name}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Reproduce: `{commandLine}`");
        md.AppendLine();
        md.AppendLine(data.Protocol + " Per sample: each sample takes the score of the first completed window containing it (windows at stride 1), " +
            "as a live monitor would know it (the first W − 1 samples share the first window's score). " +
            "Detection rate = anomalous samples at or above the threshold; false-alarm rate = normal samples at or above it.");
        md.AppendLine();
        md.AppendLine("| Model | W | Iterations | Training s | Threshold | Detection rate % | False-alarm rate % | AP % | ROC-AUC % |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Model} | {r.Window} | {r.IterationsRun} | {r.TrainingSeconds:F0} | {r.Threshold:G4} | {Percent(r.Pooled.DetectionRate)} | {Percent(r.Pooled.FalseAlarmRate)} | {Percent(r.Pooled.AveragePrecision)} | {Percent(r.Pooled.RocAuc)} |");
        }
        md.AppendLine();
        md.AppendLine("Per case, detection rate % / false-alarm rate % (— where the case has no sample of that class):");
        md.AppendLine();
        md.AppendLine("| Case | Normal / anomalous samples | " + string.Join(" | ", results.Select(r => r.Model)) + " |");
        md.AppendLine("|---|---:|" + string.Concat(results.Select(_ => "---:|")));
        for (var i = 0; i < data.Cases.Count; i++)
        {
            var first = results[0].Cases[i];
            md.Append(CultureInfo.InvariantCulture, $"| {first.Case} | {first.NormalSamples} / {first.AnomalousSamples} |");
            foreach (var r in results)
                md.Append(CultureInfo.InvariantCulture, $" {Percent(r.Cases[i].DetectionRate)} / {Percent(r.Cases[i].FalseAlarmRate)} |");
            md.AppendLine();
        }
        return md.ToString();
    }

    private static string Percent(double? value) =>
        value is { } v && double.IsFinite(v) ? (100 * v).ToString("F1", CultureInfo.InvariantCulture) : "—";
}
