namespace KukaPortal.Core.Floor;

/// <summary>What a floor-dashboard tile shows for an asset, from most to least urgent in <see cref="TileStateRule"/>'s order.</summary>
public enum TileState
{
    /// <summary>The asset is running, scored recently and has no alarm that needs anyone.</summary>
    Normal,

    /// <summary>An alarm nobody has acknowledged yet (active or returned): the tile flashes.</summary>
    UnacknowledgedAlarm,

    /// <summary>An alarm is active and someone has acknowledged it.</summary>
    AcknowledgedAlarm,

    /// <summary>An alarm was shelved by an operator; nothing else is open.</summary>
    Shelved,

    /// <summary>An engineer took the asset out of service (maintenance): its alarms are not annunciated.</summary>
    OutOfService,

    /// <summary>The asset's alarms are suppressed by design (e.g. a maintenance mode of the robot).</summary>
    Suppressed,

    /// <summary>No window was scored for longer than the stale limit, or the stream reports that no samples arrive.</summary>
    NoData,
}

/// <summary>What the tile rule needs to know about one asset at one moment.</summary>
/// <param name="Mode">The asset's alarm mode.</param>
/// <param name="UnacknowledgedAlarms">Open alarms in ActiveUnacknowledged or ReturnedUnacknowledged.</param>
/// <param name="AcknowledgedAlarms">Open alarms in ActiveAcknowledged.</param>
/// <param name="ShelvedAlarms">Alarms currently shelved.</param>
/// <param name="LastWindowAt">When the asset's latest window was scored; null when it never was.</param>
/// <param name="StreamSilent">The live stream reported that no samples arrive (AssetStatus NoData), even if the last window is recent.</param>
public sealed record TileFacts(
    Core.Alarms.AssetAlarmMode Mode, int UnacknowledgedAlarms, int AcknowledgedAlarms, int ShelvedAlarms,
    DateTimeOffset? LastWindowAt, bool StreamSilent = false);

/// <summary>The decision: the state the tile shows, and whether its data is stale (shown as extra styling on any state).</summary>
public sealed record TileDecision(TileState State, bool Stale, string Text);
