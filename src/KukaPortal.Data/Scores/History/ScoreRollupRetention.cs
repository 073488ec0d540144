using Microsoft.Extensions.Options;
using Npgsql;

namespace KukaPortal.Data.Scores.History;

/// <summary>
/// Deletes minute buckets older than Scores:RetentionDays, as window_scores drops its day partitions: both then
/// reach equally far back. Hour buckets are kept (about 8,800 rows per asset and year), so the history page still
/// shows years after the raw windows are gone.
/// </summary>
public sealed class ScoreRollupRetention(NpgsqlDataSource dataSource, IOptions<ScoreOptions> options)
{
    public async Task<int> DeleteExpiredMinutesAsync(DateTimeOffset now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM score_rollups WHERE bucket_seconds = @size AND bucket < @horizon");
        command.Parameters.AddWithValue("size", ScoreRollupLevels.MinuteSeconds);
        command.Parameters.AddWithValue("horizon", now.AddDays(-options.Value.RetentionDays).UtcDateTime);
        return await command.ExecuteNonQueryAsync(ct);
    }
}
