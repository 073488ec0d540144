using System.Diagnostics;
using KukaPortal.Ml.Models;

namespace KukaPortal.Cli.Commands.Experiments;

/// <summary>
/// Runs the grid cell by cell, then the strict variant of each family's best cell (by validation AP, the
/// configuration the paper's protocol would pick). After every cell the report so far is handed to
/// <c>save</c>, so a run of hours that is stopped keeps the tables it finished. A family the trainer does not
/// build yet is skipped with its reason instead of ending the run. Synchronous torch work (GUIDE §4).
/// </summary>
internal sealed class PaperExperiment(PaperCellRunner runner, TextWriter output, Action<PaperTablesReport> save)
{
    public PaperTablesReport Run(PaperGrid grid, bool strict, PaperTablesReport header, CancellationToken ct)
    {
        var report = header;
        var total = grid.AllCells.Count + (strict ? grid.Families.Count : 0);
        var clock = Stopwatch.StartNew();
        var done = 0;
        void Progress(string what, string summary)
        {
            done++;
            var eta = TimeSpan.FromSeconds(clock.Elapsed.TotalSeconds / done * (total - done));
            output.WriteLine(FormattableString.Invariant($"cell {done}/{total} {what}: {summary}  elapsed {clock.Elapsed:hh\\:mm\\:ss}, ETA {eta:hh\\:mm\\:ss}"));
            save(report);
        }

        foreach (var family in grid.Families)
        {
            var cells = grid.Cells(family);
            try
            {
                foreach (var cell in cells)
                {
                    var r = runner.Paper(cell, ct);
                    report = report with { Cells = [.. report.Cells, r] };
                    Progress(cell.ToString(), $"AP {Pct(r.AveragePrecision)}  F1max {Pct(r.F1Max)}  recall {Pct(r.TestRecall)}");
                }
            }
            catch (NotSupportedException e)
            {
                report = report with { Skipped = [.. report.Skipped, $"{family.Name()}: {e.Message}"] };
                output.WriteLine($"Skipped {family.Name()}: {e.Message}");
                total -= cells.Count + (strict ? 1 : 0);
                save(report);
            }
        }

        if (strict)
        {
            foreach (var best in report.Cells.GroupBy(r => r.Cell.Family).Select(g => g.MaxBy(r => r.AveragePrecision)!))
            {
                var s = runner.Strict(best.Cell, ct);
                report = report with { Strict = [.. report.Strict, s] };
                Progress($"strict {best.Cell}", $"precision {Pct(s.Test.Precision)}  recall {Pct(s.Test.Recall)}  false alarms {Pct(s.FalseAlarmRate)}");
            }
        }
        return report;
    }

    private static string Pct(double fraction) => PaperTablesMarkdown.Percent(fraction) + " %";
}
