namespace KukaPortal.Data.Scores;

/// <summary>
/// The latest windows of one asset and model with each channel's share of the window's error:
/// <c>Shares[w][c]</c> belongs to window <c>Sequences[w]</c> (oldest first) and channel <c>Channels[c]</c>.
/// <see cref="Channels"/> is empty when the model's names were never recorded. <c>RunIds[w]</c> and
/// <c>WindowIndexes[w]</c> name window w for the reconstruction view.
/// </summary>
public sealed record RecentContributions(
    int ModelId, IReadOnlyList<string> Channels, IReadOnlyList<long> Sequences, IReadOnlyList<DateTimeOffset> At, float[][] Shares,
    IReadOnlyList<Guid> RunIds, IReadOnlyList<int> WindowIndexes);
