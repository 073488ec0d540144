namespace KukaPortal.Data.Scores.History;

/// <summary>Where a history point comes from: single windows, or minute or hour buckets of score_rollups.</summary>
public enum ScoreRollupLevel { Raw, Minute, Hour }

public static class ScoreRollupLevels
{
    public const int MinuteSeconds = 60;
    public const int HourSeconds = 3600;

    /// <summary>The bucket sizes the writer maintains, finest first.</summary>
    public static readonly int[] Maintained = [MinuteSeconds, HourSeconds];

    public static int Seconds(this ScoreRollupLevel level) => level switch
    {
        ScoreRollupLevel.Minute => MinuteSeconds,
        ScoreRollupLevel.Hour => HourSeconds,
        _ => 0,
    };

    public static string Name(this ScoreRollupLevel level) => level.ToString().ToLowerInvariant();
}
