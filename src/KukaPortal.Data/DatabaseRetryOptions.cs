namespace KukaPortal.Data;

/// <summary>
/// How long the portal rides out a database that is briefly away (a restart, a failover): every EF operation and
/// every unit of work in <see cref="PortalTransactions"/> is retried on transient errors with exponential back-off
/// (about 0, 1, 3, 7 … seconds, each capped at <see cref="MaxRetryDelay"/>). With the defaults an outage of about
/// 14 seconds goes unnoticed; a longer one surfaces as an error the caller reports.
/// </summary>
public sealed class DatabaseRetryOptions
{
    public const string Section = "DatabaseRetry";

    public int MaxRetryCount { get; set; } = 5;

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
