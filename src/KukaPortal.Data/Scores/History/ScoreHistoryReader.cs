using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace KukaPortal.Data.Scores.History;

/// <summary>
/// Reads an asset's calibrated-score history for the history page and the CSV export, from raw windows for short
/// ranges and from score_rollups otherwise (see <see cref="ScoreHistoryPlan"/>), so a year costs a few thousand
/// rows. All grouping happens in PostgreSQL.
/// </summary>
public sealed class ScoreHistoryReader(NpgsqlDataSource dataSource, TimeProvider time, IOptions<ScoreOptions> options)
{
    private const string Origin = "TIMESTAMPTZ '2000-01-01 00:00:00Z'";

    /// <summary>The oldest moment minute buckets (and raw windows) are still kept for.</summary>
    public DateTimeOffset MinuteHorizon => time.GetUtcNow().AddDays(-options.Value.RetentionDays);

    public async Task<ScoreHistory> ReadAsync(int assetId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct, int maxPoints = ScoreHistoryPlan.DefaultMaxPoints)
    {
        var plan = await ScoreHistoryPlan.ChooseAsync(from, to, MinuteHorizon, maxPoints, () => CountWindowsAsync(assetId, from, to, ct));
        var points = new List<ScoreHistoryPoint>();
        await foreach (var point in StreamAsync(assetId, from, to, plan, ct)) points.Add(point);
        return new ScoreHistory(plan, points);
    }

    public ScoreHistoryPlan ExportPlan(DateTimeOffset from, DateTimeOffset to) => ScoreHistoryPlan.ForExport(from, to, MinuteHorizon);

    /// <summary>Points oldest first, read as they arrive (the export streams them straight into the response).</summary>
    public async IAsyncEnumerable<ScoreHistoryPoint> StreamAsync(int assetId, DateTimeOffset from, DateTimeOffset to, ScoreHistoryPlan plan,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = plan.Level == ScoreRollupLevel.Raw ? RawCommand(connection) : RollupCommand(connection, plan);
        command.Parameters.AddWithValue("asset", assetId);
        command.Parameters.AddWithValue("from", NpgsqlDbType.TimestampTz, from.UtcDateTime);
        command.Parameters.AddWithValue("to", NpgsqlDbType.TimestampTz, to.UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return new ScoreHistoryPoint(
                new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero), (int)reader.GetInt64(1), (int)reader.GetInt64(2),
                reader.GetDouble(3), reader.GetDouble(4), reader.GetDouble(5));
        }
    }

    /// <summary>The windows the range holds, from the minute buckets that overlap it (may count a few windows just outside).</summary>
    private async Task<long> CountWindowsAsync(int assetId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT COALESCE(sum(windows), 0) FROM score_rollups
            WHERE asset_id = @asset AND bucket_seconds = 60 AND bucket > @from - INTERVAL '1 minute' AND bucket < @to
            """);
        command.Parameters.AddWithValue("asset", assetId);
        command.Parameters.AddWithValue("from", NpgsqlDbType.TimestampTz, from.UtcDateTime);
        command.Parameters.AddWithValue("to", NpgsqlDbType.TimestampTz, to.UtcDateTime);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static NpgsqlCommand RawCommand(NpgsqlConnection connection) => new("""
        SELECT at, 1::bigint, (above_threshold::int)::bigint, calibrated, calibrated, calibrated FROM window_scores
        WHERE asset_id = @asset AND at >= @from AND at < @to ORDER BY at
        """, connection);

    /// <summary>Buckets that overlap the range, grouped into points of the plan's width (sizes and widths are ints from the plan, not input).</summary>
    private static NpgsqlCommand RollupCommand(NpgsqlConnection connection, ScoreHistoryPlan plan)
    {
        var command = new NpgsqlCommand($"""
            SELECT date_bin(make_interval(secs => @width), bucket, {Origin}) AS point,
                   sum(windows)::bigint, sum(above_threshold)::bigint, sum(sum_calibrated) / sum(windows), min(min_calibrated), max(max_calibrated)
            FROM score_rollups
            WHERE asset_id = @asset AND bucket_seconds = @size AND bucket > @from - make_interval(secs => @size) AND bucket < @to
            GROUP BY point ORDER BY point
            """, connection);
        command.Parameters.AddWithValue("width", (double)plan.BucketSeconds);
        command.Parameters.AddWithValue("size", plan.Level.Seconds());
        return command;
    }
}
