namespace KukaPortal.Core.Preprocessing;

/// <summary>One channel's mutual information with the label, in nats.</summary>
public sealed record ChannelScore(string Channel, double MutualInformation);

/// <summary>A fitted feature selection as data: the kept channels in their original order, and every channel's score for display.</summary>
public sealed record FeatureSelectionState(IReadOnlyList<string> KeptChannels, IReadOnlyList<ChannelScore> Scores)
{
    public FeatureSelector Restore() => new(this);
}
