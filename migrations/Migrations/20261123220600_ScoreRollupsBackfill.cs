using KukaPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KukaPortal.Migrations.Migrations
{
    /// <summary>
    /// Hand-written: fills score_rollups (minute and hour buckets) from the windows stored before the writer kept
    /// them up to date. Must run after ScoreRollups. ON CONFLICT DO NOTHING: a bucket that already exists was written
    /// by the writer itself and is complete.
    /// </summary>
    [DbContext(typeof(PortalDbContext))]
    [Migration("20261123220600_ScoreRollupsBackfill")]
    public partial class ScoreRollupsBackfill : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                INSERT INTO score_rollups (asset_id, bucket_seconds, bucket, windows, above_threshold, sum_calibrated, min_calibrated, max_calibrated)
                SELECT w.asset_id, size.seconds, date_bin(make_interval(secs => size.seconds), w.at, TIMESTAMPTZ '2000-01-01 00:00:00Z'),
                       count(*), count(*) FILTER (WHERE w.above_threshold), sum(w.calibrated), min(w.calibrated), max(w.calibrated)
                FROM window_scores w CROSS JOIN (VALUES (60), (3600)) AS size(seconds)
                GROUP BY 1, 2, 3
                ON CONFLICT (asset_id, bucket_seconds, bucket) DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: ScoreRollups' Down drops the table.
        }
    }
}
