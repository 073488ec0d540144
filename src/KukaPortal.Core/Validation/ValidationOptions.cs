namespace KukaPortal.Core.Validation;

/// <summary>What a recording must satisfy before it is stored.</summary>
public sealed record ValidationOptions
{
    /// <summary>The asset's channel set; when given, a recording with other channels is rejected (order may differ).</summary>
    public IReadOnlyCollection<string>? ExpectedChannels { get; init; }

    public MissingValuePolicy MissingValues { get; init; } = MissingValuePolicy.Reject;

    /// <summary>
    /// The most a policy may repair before the recording is rejected anyway: for
    /// <see cref="MissingValuePolicy.Interpolate"/> the missing fraction of any one channel, for
    /// <see cref="MissingValuePolicy.DropRows"/> the fraction of rows dropped.
    /// </summary>
    public double MaxMissingFraction { get; init; } = 0.05;
}
