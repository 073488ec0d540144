using KukaPortal.Data.Entities;
using Npgsql;
using NpgsqlTypes;

namespace KukaPortal.Data.Scores.History;

/// <summary>
/// Adds freshly stored windows to their minute and hour buckets in score_rollups. Runs inside the score writer's
/// transaction, after the COPY, with only the windows that COPY stored: a re-sent batch's already-stored windows
/// never reach here, so nothing is counted twice. The grouping happens in PostgreSQL (one statement, the batch's
/// windows as arrays); a bucket that earlier batches started is merged into (sum/count add up, min/max compare).
/// The asset row lock the writer holds serialises writers of one asset, so the upsert never races itself.
/// </summary>
public static class ScoreRollupWriter
{
    private const string Sql = """
        INSERT INTO score_rollups (asset_id, bucket_seconds, bucket, windows, above_threshold, sum_calibrated, min_calibrated, max_calibrated)
        SELECT $1, size.seconds, date_bin(make_interval(secs => size.seconds), w.at, TIMESTAMPTZ '2000-01-01 00:00:00Z'),
               count(*), count(*) FILTER (WHERE w.above), sum(w.calibrated), min(w.calibrated), max(w.calibrated)
        FROM unnest($2, $3, $4) AS w(at, calibrated, above)
        CROSS JOIN unnest($5) AS size(seconds)
        GROUP BY 1, 2, 3
        ON CONFLICT (asset_id, bucket_seconds, bucket) DO UPDATE SET
            windows = score_rollups.windows + EXCLUDED.windows,
            above_threshold = score_rollups.above_threshold + EXCLUDED.above_threshold,
            sum_calibrated = score_rollups.sum_calibrated + EXCLUDED.sum_calibrated,
            min_calibrated = LEAST(score_rollups.min_calibrated, EXCLUDED.min_calibrated),
            max_calibrated = GREATEST(score_rollups.max_calibrated, EXCLUDED.max_calibrated)
        """;

    /// <summary>The statement that adds <paramref name="stored"/> to their buckets, for the score batch's closing round trip.</summary>
    public static NpgsqlBatchCommand Command(int assetId, IReadOnlyList<WindowScoreRow> stored) => new(Sql)
    {
        Parameters =
        {
            new NpgsqlParameter { Value = assetId },
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, Value = stored.Select(r => r.At.UtcDateTime).ToArray() },
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Double, Value = stored.Select(r => r.Calibrated).ToArray() },
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Boolean, Value = stored.Select(r => r.AboveThreshold).ToArray() },
            new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer, Value = ScoreRollupLevels.Maintained },
        },
    };
}
