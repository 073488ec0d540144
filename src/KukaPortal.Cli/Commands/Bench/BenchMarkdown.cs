using System.Globalization;
using System.Text;

namespace KukaPortal.Cli.Commands.Bench;

/// <summary>A report as Markdown, ready to paste into docs/performance.md: how it was run, on what, then the table.</summary>
public static class BenchMarkdown
{
    public static string Render(BenchReport report)
    {
        var machine = report.Machine;
        var text = new StringBuilder();
        text.Append(Invariant($"Command: `{report.Command}`  \n"));
        text.Append(Invariant($"Date: {report.Date.UtcDateTime:yyyy-MM-dd HH:mm} UTC  \n"));
        text.Append(Invariant($"Machine: {machine.Cpu}, {machine.Cores} cores, {machine.Os}, {machine.Runtime}, {machine.Build} build  \n"));
        text.Append(Invariant($"Best of {report.Repeat} timed run(s) after one warm-up, garbage collected before each; MB = 10^6 bytes of the file; files read from the OS page cache.\n\n"));
        text.Append("| Format | File MB | Rows × channels | Best s | MB/s | Target |\n");
        text.Append("|---|---:|---:|---:|---:|---|\n");
        foreach (var result in report.Results)
            text.Append(Invariant($"| {result.Name} (`{result.Measures}`) | {result.FileMegabytes:N1} | {result.Rows:N0} × {result.Channels:N0} | {result.BestSeconds:N3} | {result.MegabytesPerSecond:N1} | {Target(result)} |\n"));
        return text.ToString();
    }

    private static string Target(BenchResult result) => result.MeetsTarget switch
    {
        null => "—",
        true => $"{result.Target}: met",
        false => $"{result.Target}: **missed**",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
