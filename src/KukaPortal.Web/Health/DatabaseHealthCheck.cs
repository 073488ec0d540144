using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace KukaPortal.Web.Health;

/// <summary>One round trip to PostgreSQL; what it finds also drives the outage banner (<see cref="DatabaseStatus"/>).</summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource, DatabaseStatus status) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            status.Report(reachable: true);
            return HealthCheckResult.Healthy("PostgreSQL answers");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            status.Report(reachable: false);
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer", e);
        }
    }
}
