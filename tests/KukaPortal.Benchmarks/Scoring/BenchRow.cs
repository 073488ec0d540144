namespace KukaPortal.Benchmarks.Scoring;

/// <summary>One measured figure of a suite: what was measured, by which code, its value and unit, and the target.</summary>
/// <param name="Detail">How the value came about (counts, seconds), so a reader can check the arithmetic.</param>
/// <param name="Met">Null when the issue sets no target for this figure.</param>
public sealed record BenchRow(string Measurement, string Code, double Value, string Unit, string Detail, string? Target = null, bool? Met = null);
