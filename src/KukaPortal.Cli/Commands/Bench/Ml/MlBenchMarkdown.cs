using System.Globalization;
using System.Text;

namespace KukaPortal.Cli.Commands.Bench.Ml;

/// <summary>The lines every torch suite's Markdown starts with: how it ran, when, on what, with which torch settings and under what load.</summary>
internal static class MlBenchMarkdown
{
    public static StringBuilder Header(string command, DateTimeOffset date, BenchMachine machine, MlBenchContext torch)
    {
        var text = new StringBuilder();
        text.Append(Invariant($"Command: `{command}`  \n"));
        text.Append(Invariant($"Date: {date.UtcDateTime:yyyy-MM-dd HH:mm} UTC  \n"));
        text.Append(Invariant($"Machine: {machine.Cpu}, {machine.Cores} cores, {machine.Os}, {machine.Runtime}, {machine.Build} build  \n"));
        text.Append(Invariant($"Torch: {torch.Describe()}  \n"));
        return text;
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
