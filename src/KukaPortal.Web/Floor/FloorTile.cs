using KukaPortal.Core.Floor;
using KukaPortal.Data.Floor;

namespace KukaPortal.Web.Floor;

/// <summary>One tile as the page renders it: the asset, the rule's decision and the words for its times.</summary>
public sealed record FloorTile(FloorAsset Asset, TileDecision Decision, string LastAlarm)
{
    /// <summary>What a screen reader says for the tile (a link): name, state, and staleness; colour is never the only signal.</summary>
    public string AriaLabel =>
        $"{Asset.Name}: {Decision.Text}{(Decision.Stale && Decision.State != TileState.NoData ? ", data stale" : "")}. " +
        $"Last alarm {LastAlarm}. {(Asset.ModelVersion is { } v ? $"Model version {v}" : "No model")}. Open the asset.";

    public string CssState => Decision.State.ToString().ToLowerInvariant();

    public static FloorTile From(FloorAsset asset, TileStateRule rule, DateTimeOffset now, bool streamSilent) =>
        new(asset, rule.Decide(asset.Facts(streamSilent), now), asset.LastAlarmAt is { } at ? ElapsedText.Since(at, now) : "never");
}
