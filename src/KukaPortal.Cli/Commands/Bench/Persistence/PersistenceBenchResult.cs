namespace KukaPortal.Cli.Commands.Bench.Persistence;

/// <summary>
/// One timed way of storing window scores, with the target where it sets one. ClientCpuSeconds is
/// this process's CPU time during the run: on a busy machine it tells the client's share from waiting.
/// </summary>
public sealed record PersistenceBenchResult(string Name, int Rows, int BatchSize, double Seconds, double ClientCpuSeconds, double? TargetRowsPerSecond)
{
    public double RowsPerSecond => Rows / Seconds;

    public bool? MeetsTarget => TargetRowsPerSecond is { } target ? RowsPerSecond >= target : null;
}
