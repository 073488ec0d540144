using KukaPortal.Cli.Commands.Bench.Persistence;
using KukaPortal.Data.Scores.Partitions;
using Npgsql;

namespace KukaPortal.Cli.Commands.Bench.History;

/// <summary>
/// Fills a throwaway bench database with a year of history for N assets, in SQL (generate_series), the way the
/// score writer would have left it: hour buckets for the year, minute buckets for the retention, raw windows
/// (one a second) for the last day, and alarms with their raise events. Scores follow a daily wave with rare spikes.
/// </summary>
public static class HistorySeed
{
    public static async Task SeedAsync(BenchDatabase database, int assets, int retentionDays, int alarmsPerAssetAndDay, DateTimeOffset now, TextWriter log, CancellationToken ct)
    {
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        await ExecuteAsync(database, log, "assets", $"""
            INSERT INTO assets (name, created_at, last_sequence, alarm_on_delay_k, alarm_on_delay_n, alarm_mode)
            SELECT 'Bench robot ' || i, now(), 0, 2, 3, 'InService' FROM generate_series(2, {assets}) i
            """, ct);
        await ExecuteAsync(database, log, "hour buckets (1 year)", $"""
            INSERT INTO score_rollups (asset_id, bucket_seconds, bucket, windows, above_threshold, sum_calibrated, min_calibrated, max_calibrated)
            SELECT a.id, 3600, @hour - h * INTERVAL '1 hour', 3600, (h % 97 = 0)::int * 4,
                   3600 * (0.4 + 0.2 * sin(h / 24.0)), 0.05, CASE WHEN h % 97 = 0 THEN 2.5 ELSE 0.8 + 0.1 * sin(h / 24.0) END
            FROM assets a CROSS JOIN generate_series(0, 365 * 24 - 1) h
            """, ct, ("hour", hour));
        await ExecuteAsync(database, log, $"minute buckets ({retentionDays} days)", $"""
            INSERT INTO score_rollups (asset_id, bucket_seconds, bucket, windows, above_threshold, sum_calibrated, min_calibrated, max_calibrated)
            SELECT a.id, 60, @hour - m * INTERVAL '1 minute', 60, (m % 5801 = 0)::int,
                   60 * (0.4 + 0.2 * sin(m / 1440.0)), 0.05, CASE WHEN m % 5801 = 0 THEN 2.5 ELSE 0.8 END
            FROM assets a CROSS JOIN generate_series(0, {retentionDays} * 1440 - 1) m
            """, ct, ("hour", hour));

        var maintainer = new ScorePartitionMaintainer(database);
        await maintainer.EnsureAsync([hour.AddDays(-1), hour], ct);
        await ExecuteAsync(database, log, "raw windows (last day, one a second)", $"""
            INSERT INTO window_scores (run_id, window_index, at, asset_id, model_id, sequence, start_row, end_row, start_seconds, end_seconds,
                                       score, calibrated, above_threshold, scored_at)
            SELECT md5('run' || a.id)::uuid, s, @hour - INTERVAL '1 day' + s * INTERVAL '1 second', a.id, {database.ModelId}, s, s * 10, s * 10 + 10, s, s + 1,
                   0.3, 0.4 + 0.2 * sin(s / 600.0), false, now()
            FROM assets a CROSS JOIN generate_series(0, 86399) s
            """, ct, ("hour", hour));

        await ExecuteAsync(database, log, $"alarms ({alarmsPerAssetAndDay} per asset and day)", $"""
            INSERT INTO alarms (asset_id, state, condition_active, raised_at, returned_at, first_window_index, last_window_index, peak_calibrated, priority,
                                acknowledged_by, acknowledged_at, classification)
            SELECT a.id, 'Normal', false, t, t + INTERVAL '4 minutes', 0, 3, 1.4 + (n % 7) / 3.0, 'Medium',
                   'operator', t + (30 + n % 600) * INTERVAL '1 second', CASE WHEN n % 5 = 0 THEN 'FalseAlarm' WHEN n % 5 = 1 THEN 'TrueAnomaly' END
            FROM assets a CROSS JOIN generate_series(0, 365 * {alarmsPerAssetAndDay} - 1) n
            CROSS JOIN LATERAL (SELECT @hour - n * (INTERVAL '1 day' / {alarmsPerAssetAndDay}) - a.id * INTERVAL '7 minutes' AS t) raised
            """, ct, ("hour", hour));
        await ExecuteAsync(database, log, "alarm raise events", """
            INSERT INTO alarm_events (alarm_id, kind, from_state, to_state, at)
            SELECT id, 'Raised', 'Normal', 'ActiveUnacknowledged', raised_at FROM alarms
            """, ct);
        await ExecuteAsync(database, log, "ANALYZE", "ANALYZE", ct);
    }

    private static async Task ExecuteAsync(BenchDatabase database, TextWriter log, string what, string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var command = database.DataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        var rows = await command.ExecuteNonQueryAsync(ct);
        await log.WriteLineAsync($"Seeded {what}: {Math.Max(rows, 0):N0} rows in {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
