using KukaPortal.Core.Series;

namespace KukaPortal.Cli.Commands.Experiments.Benchmarks;

/// <summary>
/// A public benchmark laid out for one protocol: the normal series every detector trains on, optionally a
/// separate normal series its threshold is set on, and the labelled test cases it is scored on.
/// </summary>
/// <param name="Protocol">One sentence a reader of the report needs to interpret the numbers.</param>
internal sealed record BenchmarkData(string Name, TimeSeries Training, TimeSeries? ThresholdNormal, IReadOnlyList<BenchmarkCase> Cases, string Protocol);

/// <summary>One test recording; <see cref="Labels"/> marks each row anomalous (true) or normal.</summary>
internal sealed record BenchmarkCase(string Name, TimeSeries Series, bool[] Labels);
