using System.Globalization;
using KukaPortal.Data.Models;

namespace KukaPortal.Web.Models;

/// <summary>One line of the side-by-side table; <see cref="Differs"/> lets the page highlight what changes with a promotion.</summary>
public sealed record ComparisonRow(string Label, string Candidate, string Active, bool Differs);

/// <summary>Builds the comparison of a candidate with the active model: their settings, then what the what-if replay counted.</summary>
public static class ModelComparison
{
    public static IReadOnlyList<ComparisonRow> Settings(ModelRow candidate, ModelRow active) =>
    [
        Row("Version", $"v{candidate.Version}", $"v{active.Version}", compare: false),
        Row("Family", candidate.Family, active.Family),
        Row("Window W", Number(candidate.Window), Number(active.Window)),
        Row("Threshold", candidate.Threshold.ToString("G4", CultureInfo.InvariantCulture), active.Threshold.ToString("G4", CultureInfo.InvariantCulture)),
        Row("Trained on", candidate.TrainingRecording ?? "—", active.TrainingRecording ?? "—"),
        Row("Created", Time(candidate.CreatedAt), Time(active.CreatedAt), compare: false),
    ];

    /// <summary>
    /// The two models' measured quality on their labelled validation recordings. Only comparable when both
    /// were measured on the same recording; otherwise the rows say which recording each number comes from.
    /// </summary>
    public static IReadOnlyList<ComparisonRow> Metrics(ModelRow candidate, ModelRow active)
    {
        var (c, a) = (candidate.Evaluation, active.Evaluation);
        if (c is null && a is null) return [];
        return
        [
            Row("Validated on", c?.RecordingName ?? "not measured", a?.RecordingName ?? "not measured", compare: false),
            Row("Average precision", Metric(c?.AveragePrecision), Metric(a?.AveragePrecision)),
            Row("F1max", Metric(c?.F1Max), Metric(a?.F1Max)),
            Row("Recall at the saved threshold", Metric(c?.RecallAtThreshold), Metric(a?.RecallAtThreshold)),
            Row("ROC-AUC", Metric(c?.RocAuc), Metric(a?.RocAuc)),
        ];
    }

    private static string Metric(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "—";

    /// <summary>The replay's counts, or nothing when the replay compared another pair (the active model changed since).</summary>
    public static IReadOnlyList<ComparisonRow> WhatIf(WhatIfResult result, ModelRow candidate, ModelRow active)
    {
        if (result.Candidate.ModelId != candidate.Id || result.Baseline.ModelId != active.Id) return [];
        var (c, a) = (result.Candidate, result.Baseline);
        return
        [
            Row("Windows scored", Number(c.WindowsScored), Number(a.WindowsScored)),
            Row("Windows above threshold", Number(c.WindowsAboveThreshold), Number(a.WindowsAboveThreshold)),
            Row("Alarms it would have raised", Number(c.AlarmsRaised), Number(a.AlarmsRaised)),
            Row("Alarms per 10 min recorded", Rate(c.AlarmsPer10Minutes), Rate(a.AlarmsPer10Minutes)),
        ];
    }

    private static ComparisonRow Row(string label, string candidate, string active, bool compare = true) =>
        new(label, candidate, active, compare && candidate != active);

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Rate(double? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "—";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
