using KukaPortal.Data.Scores.History;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KukaPortal.Data.Scores.Partitions;

/// <summary>Runs <see cref="ScorePartitionRetention"/> and <see cref="ScoreRollupRetention"/> at start and then every hour (on the injected clock).</summary>
public sealed class ScoreRetentionService(ScorePartitionRetention retention, ScoreRollupRetention rollups, TimeProvider time, ILogger<ScoreRetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var dropped = await retention.DropExpiredAsync(time.GetUtcNow(), stoppingToken);
                if (dropped.Count > 0)
                    logger.LogInformation("Score retention dropped {Count} day partitions: {Partitions}", dropped.Count, string.Join(", ", dropped));
                await rollups.DeleteExpiredMinutesAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A failed run (database restarting) is retried at the next interval; old days only wait longer.
                logger.LogWarning(e, "Score retention failed; trying again in {Interval}.", Interval);
            }
            await Task.Delay(Interval, time, stoppingToken);
        }
    }
}
