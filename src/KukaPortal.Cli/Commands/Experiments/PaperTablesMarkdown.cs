using System.Globalization;
using System.Text;
using KukaPortal.Ml.Models;

namespace KukaPortal.Cli.Commands.Experiments;

/// <summary>
/// paper-tables.md: the command that produced it, the data and split, then one table per family shaped like
/// paper 000's (Table I: W × L; Table II: W, L, λ) with the paper's reference row, and the strict table.
/// Metrics in percent with two decimals, as in the paper.
/// </summary>
internal static class PaperTablesMarkdown
{
    public const string ThisRun = "this run";
    public const string PaperSource = "paper 000 (real KUKA)";

    public static string Render(PaperTablesReport report)
    {
        var md = new StringBuilder();
        md.AppendLine("# Paper 000's experiment, reproduced");
        md.AppendLine();
        md.AppendLine($"Command: `{report.CommandLine}`");
        md.AppendLine();
        md.AppendLine(Invariant($"Data: normal {report.NormalSource} ({report.NormalRows:N0} rows), abnormal {report.AbnormalSource} ({report.AbnormalRows:N0} rows), {report.Channels} channels; device {report.Device}."));
        md.AppendLine();
        md.AppendLine($"Window labels: {report.Labelling}");
        md.AppendLine();
        md.AppendLine("Split: min-max scaling to [0, 1] fitted on the training rows; normal = training (first 90 %) + validation (last 10 %, windows at stride W/3); " +
                      "abnormal = validation (first 10 %) + test (last 90 %), windows without overlap. AP, F1max and its threshold on validation " +
                      "(normal + abnormal validation windows); recall at that threshold on the abnormal test windows.");
        foreach (var family in report.Cells.Select(c => c.Cell.Family).Distinct())
            Table(md, family, [.. report.Cells.Where(c => c.Cell.Family == family)]);
        foreach (var skipped in report.Skipped)
            md.AppendLine().AppendLine($"Skipped {skipped}");
        if (report.Strict.Count > 0)
            StrictTable(md, report.Strict);
        return md.ToString();
    }

    private static void Table(StringBuilder md, ModelFamily family, IReadOnlyList<PaperCellResult> cells)
    {
        var adversarial = family.IsAdversarial();
        md.AppendLine();
        md.AppendLine(family switch
        {
            ModelFamily.ConvAe => "## Table I: autoencoder experiments (conv-ae)",
            ModelFamily.ConvAae => "## Table II: adversarial autoencoder experiments (aae)",
            _ => $"## {(adversarial ? "Table II" : "Table I")} layout: {family.Name()}",
        });
        md.AppendLine();
        md.AppendLine(adversarial
            ? "| W | L | λ | AP (%) | F1max (%) | threshold | recall (%) | iterations | seconds | source |"
            : "| W | L | AP (%) | F1max (%) | threshold | recall (%) | iterations | seconds | source |");
        md.AppendLine(adversarial ? "|---|---|---|---|---|---|---|---|---|---|" : "|---|---|---|---|---|---|---|---|---|");
        if (PaperReference.For(family) is { } r)
            md.AppendLine(Row(r.Window, r.Latent, adversarial ? r.Lambda : null, adversarial,
                [F(r.Ap), F(r.F1Max), "–", F(r.Recall), Invariant($"{r.Iterations}"), "–", PaperSource]));
        foreach (var c in cells)
            md.AppendLine(Row(c.Cell.Window, c.Cell.Latent, c.Cell.Lambda, adversarial,
                [Percent(c.AveragePrecision), Percent(c.F1Max), Threshold(c.Threshold), Percent(c.TestRecall),
                 Invariant($"{c.IterationsRun}"), Invariant($"{c.Seconds:F0}"), ThisRun]));
    }

    private static void StrictTable(StringBuilder md, IReadOnlyList<StrictCellResult> strict)
    {
        md.AppendLine();
        md.AppendLine("## Strict variant: held-out normal test windows");
        md.AppendLine();
        md.AppendLine("Each family's configuration with the best validation AP above, retrained on the first 80 % of normal; F1max threshold on the next 10 % " +
                      "plus the abnormal validation windows; test = the last 10 % of normal (stride W/3, never seen by model or threshold) + the abnormal test windows. " +
                      "False-alarm rate = share of normal-labelled test windows at or above the threshold.");
        md.AppendLine();
        md.AppendLine("| model | W | L | λ | AP (%) | F1max (%) | threshold | precision (%) | recall (%) | F1 (%) | false-alarm rate (%) | normal test windows | abnormal test windows |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in strict)
            md.AppendLine(Invariant($"| {s.Cell.Family.Name()} | {s.Cell.Window} | {s.Cell.Latent} | {Lambda(s.Cell.Lambda)} | {Percent(s.AveragePrecision)} | {Percent(s.F1Max)} | {Threshold(s.Threshold)} | ") +
                          Invariant($"{Percent(s.Test.Precision)} | {Percent(s.Test.Recall)} | {Percent(s.Test.F1)} | {Percent(s.FalseAlarmRate)} | {s.NormalTestWindows} | {s.AbnormalTestWindows} |"));
    }

    private static string Row(int window, int latent, double? lambda, bool adversarial, IEnumerable<string> rest) =>
        "| " + string.Join(" | ", new[] { Invariant($"{window}"), Invariant($"{latent}") }
            .Concat(adversarial ? [Lambda(lambda)] : [])
            .Concat(rest)) + " |";

    public static string Percent(double fraction) => F(100 * fraction);

    private static string F(double percent) => percent.ToString("F2", CultureInfo.InvariantCulture);

    private static string Threshold(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Lambda(double? value) => value?.ToString("G4", CultureInfo.InvariantCulture) ?? "–";

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
