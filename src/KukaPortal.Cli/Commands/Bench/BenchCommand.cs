using System.CommandLine;

namespace KukaPortal.Cli.Commands.Bench;

/// <summary><c>bench …</c>: throughput measurements an engineer can repeat on any machine and paste into docs/performance.md.</summary>
public static class BenchCommand
{
    public static Command Create() => new("bench", "Measure how fast this machine runs parts of the portal.")
    {
        BenchImportCommand.Create(),
        BenchPersistenceCommand.Create(),
        BenchHistoryCommand.Create(),
        BenchForwardCommand.Create(),
        BenchTrainingCommand.Create(),
        BenchImagesCommand.Create(),
    };
}
