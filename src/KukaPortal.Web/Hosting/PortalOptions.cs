namespace KukaPortal.Web.Hosting;

public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Apply EF Core migrations at start-up (on for ./run.sh; turn off where a DBA migrates).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Run the background job worker in this process (web + worker, the default).</summary>
    public bool RunWorker { get; set; } = true;
}
