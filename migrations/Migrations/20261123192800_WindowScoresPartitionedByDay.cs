using KukaPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KukaPortal.Migrations.Migrations
{
    /// <summary>
    /// Hand-written: turns window_scores into a table partitioned by UTC day of <c>at</c> (PostgreSQL
    /// declarative partitioning, which EF cannot express). Must run after WindowScoresByRunWithTimeAndContributions,
    /// whose columns and keys it reproduces. Existing rows get a time (job creation + the window's offset in the
    /// recording, as the scorer now computes it), a partition per day they cover, and move over; then the
    /// names are swapped. The EF model keeps mapping the entity to window_scores, so EF queries still work.
    /// No DEFAULT partition: see ScorePartition.CreateSql.
    /// </summary>
    [DbContext(typeof(PortalDbContext))]
    [Migration("20261123192800_WindowScoresPartitionedByDay")]
    public partial class WindowScoresPartitionedByDay : Migration
    {
        private const string Columns =
            "run_id, window_index, at, asset_id, model_id, sequence, start_row, end_row, start_seconds, end_seconds, score, calibrated, above_threshold, scored_at, channel_contributions";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE window_scores RENAME TO window_scores_unpartitioned;
                ALTER TABLE window_scores_unpartitioned RENAME CONSTRAINT pk_window_scores TO pk_window_scores_unpartitioned;
                ALTER INDEX ix_window_scores_asset_id_sequence RENAME TO ix_window_scores_unpartitioned_asset_id_sequence;

                UPDATE window_scores_unpartitioned u SET at = t.at
                FROM (SELECT s.run_id, s.window_index,
                             COALESCE(j.created_at, s.scored_at)
                             + make_interval(secs => s.end_seconds - min(s.start_seconds) OVER (PARTITION BY s.run_id)) AS at
                      FROM window_scores_unpartitioned s LEFT JOIN jobs j ON j.id = s.run_id) t
                WHERE u.run_id = t.run_id AND u.window_index = t.window_index;

                CREATE TABLE window_scores (
                    run_id uuid NOT NULL,
                    window_index integer NOT NULL,
                    at timestamp with time zone NOT NULL,
                    asset_id integer NOT NULL,
                    model_id integer NOT NULL,
                    sequence bigint NOT NULL,
                    start_row integer NOT NULL,
                    end_row integer NOT NULL,
                    start_seconds double precision NOT NULL,
                    end_seconds double precision NOT NULL,
                    score double precision NOT NULL,
                    calibrated double precision NOT NULL,
                    above_threshold boolean NOT NULL,
                    scored_at timestamp with time zone NOT NULL,
                    channel_contributions bytea NULL,
                    CONSTRAINT pk_window_scores PRIMARY KEY (run_id, window_index, at)
                ) PARTITION BY RANGE (at);
                -- Not unique: a partitioned index must contain "at" to be unique. The asset row lock in
                -- ScoreBatchWriter hands out disjoint sequence ranges, which keeps (asset_id, sequence) unique.
                CREATE INDEX ix_window_scores_asset_id_sequence ON window_scores (asset_id, sequence);

                DO $$
                DECLARE day date;
                BEGIN
                    FOR day IN SELECT DISTINCT (at AT TIME ZONE 'UTC')::date FROM window_scores_unpartitioned LOOP
                        EXECUTE format('CREATE TABLE %I PARTITION OF window_scores FOR VALUES FROM (%L) TO (%L)',
                            'window_scores_' || to_char(day, 'YYYYMMDD'),
                            day::timestamp AT TIME ZONE 'UTC', (day + 1)::timestamp AT TIME ZONE 'UTC');
                    END LOOP;
                END $$;

                INSERT INTO window_scores (
                """ + Columns + ") SELECT " + Columns + """
                 FROM window_scores_unpartitioned;
                DROP TABLE window_scores_unpartitioned;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE window_scores_plain (LIKE window_scores INCLUDING DEFAULTS);
                INSERT INTO window_scores_plain SELECT * FROM window_scores;
                DROP TABLE window_scores;
                ALTER TABLE window_scores_plain RENAME TO window_scores;
                ALTER TABLE window_scores ADD CONSTRAINT pk_window_scores PRIMARY KEY (run_id, window_index, at);
                CREATE INDEX ix_window_scores_asset_id_sequence ON window_scores (asset_id, sequence);
                """);
        }
    }
}
