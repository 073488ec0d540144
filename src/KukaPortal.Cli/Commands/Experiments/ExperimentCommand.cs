using System.CommandLine;

namespace KukaPortal.Cli.Commands.Experiments;

/// <summary><c>experiment</c>: reproductions of the papers' experiments, one sub-verb each.</summary>
public static class ExperimentCommand
{
    public static Command Create() => new("experiment", "Reproduce the papers' experiments on your recordings.")
    {
        PaperTablesCommand.Create(),
        Benchmarks.DatasetBenchmarkCommand.Tep(),
        Benchmarks.DatasetBenchmarkCommand.Cnc(),
    };
}
