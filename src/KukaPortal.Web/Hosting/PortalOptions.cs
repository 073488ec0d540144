namespace KukaPortal.Web.Hosting;

public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Apply EF Core migrations at start-up (on for ./run.sh; turn off where a DBA migrates).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// What this process does: <see cref="PortalRole.All"/> (web and worker, the default),
    /// <see cref="PortalRole.Web"/> (pages, API and hub only), <see cref="PortalRole.Worker"/> (jobs and
    /// live scoring only, e.g. on a GPU node; it serves /health and nothing else).
    /// </summary>
    public PortalRole Role { get; set; } = PortalRole.All;

    public bool RunWorker => Role != PortalRole.Web;
    public bool ServeWeb => Role != PortalRole.Worker;

    public static PortalOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<PortalOptions>() ?? new PortalOptions();
}

public enum PortalRole { All, Web, Worker }
