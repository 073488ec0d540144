using System.Collections.Concurrent;

namespace KukaPortal.Web.Ingest;

/// <summary>Where an asset's live run takes its next chunk, as this node last wrote or read it.</summary>
/// <param name="IngestedRows">The stream row the next chunk starts at.</param>
/// <param name="LastTimestamp">The chunk must start after it; null before the first sample.</param>
public sealed record LiveHead(Guid RunId, string[] Channels, long IngestedRows, double? LastTimestamp);

/// <summary>
/// The head of each asset's live run after this node's last append: a guess for the next chunk, which
/// <see cref="SampleIngest"/> appends in one statement that checks the guess in the database. Another node's append, a
/// deleted run or a new one only make the guess miss; nothing trusts it without that check.
/// </summary>
public sealed class LiveIngestHeads
{
    private readonly ConcurrentDictionary<int, LiveHead> _heads = new();

    public LiveHead? Find(int assetId) => _heads.GetValueOrDefault(assetId);

    /// <summary>Two appends of one asset finishing together keep the further head.</summary>
    public void Moved(int assetId, LiveHead head) =>
        _heads.AddOrUpdate(assetId, head, (_, known) => known.RunId == head.RunId && known.IngestedRows > head.IngestedRows ? known : head);
}
