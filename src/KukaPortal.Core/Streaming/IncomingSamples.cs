namespace KukaPortal.Core.Streaming;

/// <summary>
/// Samples as a machine sent them, before any check: channel names in the sender's order, epoch
/// seconds per row, and each row's values in that channel order (a row may have the wrong length;
/// <see cref="SampleChecks"/> says so).
/// </summary>
public sealed record IncomingSamples(IReadOnlyList<string> Channels, IReadOnlyList<double> Timestamps, IReadOnlyList<double[]> Rows);

/// <summary>Samples that passed every check: row-major values in the expected channel order.</summary>
public sealed record AcceptedSamples(float[] Values, double[] Timestamps)
{
    public int Rows => Timestamps.Length;
}
