namespace KukaPortal.Data.Scores;

/// <summary>Settings of stored window scores (section <c>Scores</c>).</summary>
public sealed class ScoreOptions
{
    public const string Section = "Scores";

    /// <summary>Days of window scores kept; whole days older than this are dropped hourly.</summary>
    public int RetentionDays { get; set; } = 90;
}
