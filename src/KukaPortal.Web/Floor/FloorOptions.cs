namespace KukaPortal.Web.Floor;

/// <summary>How the floor dashboard (a wall screen nobody touches) judges and refreshes its tiles.</summary>
public sealed class FloorOptions
{
    public const string Section = "Floor";

    /// <summary>A tile whose asset scored no window for longer than this shows "no data" (or "stale" beside an alarm).</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often the page re-reads every tile from the database even without a push: staleness is the
    /// absence of pushes, so only a clock can reveal it, and a missed push heals within this time.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Points each tile's sparkline keeps.</summary>
    public int SparklinePoints { get; set; } = 120;
}
