namespace KukaPortal.Cli.Commands.Bench;

/// <summary>One run of a bench suite: where and when it ran, how, and what it measured.</summary>
public sealed record BenchReport(string Suite, string Command, DateTimeOffset Date, BenchMachine Machine, int Repeat, IReadOnlyList<BenchResult> Results);
