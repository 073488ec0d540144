using KukaPortal.Core.Metrics;

namespace KukaPortal.Cli.Commands.Experiments;

/// <summary>
/// One grid cell under paper 000's protocol. Metrics are fractions in [0, 1] (the Markdown shows percent):
/// AP, F1max and its threshold on the validation windows, recall at that threshold on the test windows.
/// </summary>
public sealed record PaperCellResult(
    PaperCell Cell,
    PaperSplit Split,
    int Iterations,
    int IterationsRun,
    double Seconds,
    int ValidationWindows,
    int ValidationAnomalous,
    double AveragePrecision,
    double F1Max,
    double Threshold,
    int TestWindows,
    double TestRecall,
    ThresholdMetrics Test);

/// <summary>
/// The strict variant of one configuration: retrained on the first 80 % of normal, threshold by F1max on the
/// next 10 %, judged on the last 10 % of normal plus the abnormal test windows. The false-alarm rate is the share
/// of normal-labelled test windows at or above the threshold.
/// </summary>
public sealed record StrictCellResult(
    PaperCell Cell,
    PaperSplit Split,
    double Seconds,
    double AveragePrecision,
    double F1Max,
    double Threshold,
    int NormalTestWindows,
    int AbnormalTestWindows,
    ThresholdMetrics Test,
    double FalseAlarmRate);

/// <summary>
/// Everything <c>experiment paper-tables</c> measured, as written to paper-tables.json; <see cref="Skipped"/> names
/// the families the trainer could not build, with its reason.
/// </summary>
public sealed record PaperTablesReport(
    string CommandLine,
    string NormalSource,
    string AbnormalSource,
    int NormalRows,
    int AbnormalRows,
    int Channels,
    string Labelling,
    string Device,
    IReadOnlyList<PaperCellResult> Cells,
    IReadOnlyList<StrictCellResult> Strict,
    IReadOnlyList<string> Skipped);
