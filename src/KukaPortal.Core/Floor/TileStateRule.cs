using KukaPortal.Core.Alarms;

namespace KukaPortal.Core.Floor;

/// <summary>
/// Decides the colour of an asset's tile on the floor dashboard. Precedence, most urgent first:
/// out of service, suppressed (the engineer's decision overrides whatever alarms the asset holds, which
/// are then not annunciated anyway), unacknowledged alarm, acknowledged alarm, shelved, no data, normal.
/// An alarm outranks "no data" because an operator must act on it even when the stream has stopped;
/// staleness is still reported beside the state so the tile can say that its data is old (except out of
/// service, where silence is expected).
/// </summary>
public sealed class TileStateRule(TimeSpan staleAfter)
{
    public TimeSpan StaleAfter { get; } = staleAfter > TimeSpan.Zero
        ? staleAfter
        : throw new ArgumentOutOfRangeException(nameof(staleAfter), staleAfter, "The stale limit must be positive.");

    public TileDecision Decide(TileFacts facts, DateTimeOffset now)
    {
        // An asset out of service is expected to be silent: calling it stale would only be noise on the wall.
        var stale = facts.Mode != AssetAlarmMode.OutOfService
            && (facts.StreamSilent || facts.LastWindowAt is not { } last || now - last > StaleAfter);
        var state = facts switch
        {
            { Mode: AssetAlarmMode.OutOfService } => TileState.OutOfService,
            { Mode: AssetAlarmMode.SuppressedByDesign } => TileState.Suppressed,
            { UnacknowledgedAlarms: > 0 } => TileState.UnacknowledgedAlarm,
            { AcknowledgedAlarms: > 0 } => TileState.AcknowledgedAlarm,
            { ShelvedAlarms: > 0 } => TileState.Shelved,
            _ when stale => TileState.NoData,
            _ => TileState.Normal,
        };
        return new TileDecision(state, stale, Describe(state, facts));
    }

    /// <summary>The state in words: shown on the tile and read out by screen readers, so colour is never the only signal.</summary>
    public static string Describe(TileState state, TileFacts facts) => state switch
    {
        TileState.Normal => "Normal",
        TileState.UnacknowledgedAlarm => facts.UnacknowledgedAlarms == 1 ? "Unacknowledged alarm" : $"{facts.UnacknowledgedAlarms} unacknowledged alarms",
        TileState.AcknowledgedAlarm => facts.AcknowledgedAlarms == 1 ? "Acknowledged alarm" : $"{facts.AcknowledgedAlarms} acknowledged alarms",
        TileState.Shelved => "Alarm shelved",
        TileState.OutOfService => "Out of service",
        TileState.Suppressed => "Alarms suppressed",
        TileState.NoData => "No data",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };
}
