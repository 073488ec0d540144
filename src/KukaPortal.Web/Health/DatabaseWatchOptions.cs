namespace KukaPortal.Web.Health;

public sealed class DatabaseWatchOptions
{
    public const string Section = "DatabaseWatch";

    /// <summary>How often the database is probed for the outage banner: how late the banner appears and goes.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);
}
