namespace KukaPortal.Data.Scores.History;

/// <summary>
/// Which level a range of score history is read from, and how wide each returned point is. Pure, so the choice
/// is easy to follow: raw windows when the range holds few enough of them, else the finest rollup whose buckets
/// (grouped into wider ones where needed) give at most about <c>maxPoints</c> points. Minute buckets are used only
/// inside their retention; before it only hour buckets exist.
/// </summary>
public sealed record ScoreHistoryPlan(ScoreRollupLevel Level, int BucketSeconds)
{
    public const int DefaultMaxPoints = 2000;

    /// <param name="windowsInRange">The windows the range holds (from the minute buckets); asked for only for short ranges.</param>
    public static async Task<ScoreHistoryPlan> ChooseAsync(
        DateTimeOffset from, DateTimeOffset to, DateTimeOffset minuteHorizon, int maxPoints, Func<Task<long>> windowsInRange)
    {
        if (to <= from) throw new ArgumentException("The range must end after it starts.", nameof(to));
        var bin = (int)Math.Ceiling((to - from).TotalSeconds / maxPoints);
        var minutesKept = from >= minuteHorizon;
        if (bin <= ScoreRollupLevels.MinuteSeconds && minutesKept)
        {
            return await windowsInRange() <= maxPoints
                ? new(ScoreRollupLevel.Raw, 0)
                : new(ScoreRollupLevel.Minute, ScoreRollupLevels.MinuteSeconds);
        }
        if (bin < ScoreRollupLevels.HourSeconds && minutesKept)
            return new(ScoreRollupLevel.Minute, RoundUp(bin, ScoreRollupLevels.MinuteSeconds));
        return new(ScoreRollupLevel.Hour, RoundUp(Math.Max(bin, 1), ScoreRollupLevels.HourSeconds));
    }

    /// <summary>
    /// The export keeps each level's own buckets (no wider grouping): raw windows up to a day, minute buckets up to
    /// a month (inside their retention), hour buckets beyond.
    /// </summary>
    public static ScoreHistoryPlan ForExport(DateTimeOffset from, DateTimeOffset to, DateTimeOffset minuteHorizon)
    {
        var span = to - from;
        if (span <= TimeSpan.FromDays(1) && from >= minuteHorizon) return new(ScoreRollupLevel.Raw, 0);
        if (span <= TimeSpan.FromDays(31) && from >= minuteHorizon) return new(ScoreRollupLevel.Minute, ScoreRollupLevels.MinuteSeconds);
        return new(ScoreRollupLevel.Hour, ScoreRollupLevels.HourSeconds);
    }

    private static int RoundUp(int seconds, int unit) => Math.Max(unit, (seconds + unit - 1) / unit * unit);
}
