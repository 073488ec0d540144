using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KukaPortal.Migrations.Migrations
{
    /// <summary>
    /// Moves a live run's ingest counters off its <c>stream_runs</c> row into a row of their own, so that ingest's row lock
    /// and the pipeline's position update stop queueing behind each other. Every live run keeps where its next chunk
    /// starts and the timestamp it must follow.
    /// </summary>
    public partial class LiveIngestCursors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "live_ingest_cursors",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ingested_rows = table.Column<long>(type: "bigint", nullable: false),
                    last_timestamp = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_live_ingest_cursors", x => x.run_id);
                    table.ForeignKey(
                        name: "fk_live_ingest_cursors_stream_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "stream_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.Sql("""
                INSERT INTO live_ingest_cursors (run_id, ingested_rows, last_timestamp)
                SELECT id, ingested_rows, last_timestamp FROM stream_runs WHERE source = 'Live';
                """);

            migrationBuilder.DropColumn(
                name: "ingested_rows",
                table: "stream_runs");

            migrationBuilder.DropColumn(
                name: "last_timestamp",
                table: "stream_runs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ingested_rows",
                table: "stream_runs",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<double>(
                name: "last_timestamp",
                table: "stream_runs",
                type: "double precision",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE stream_runs r SET ingested_rows = c.ingested_rows, last_timestamp = c.last_timestamp
                FROM live_ingest_cursors c WHERE c.run_id = r.id;
                """);

            migrationBuilder.DropTable(
                name: "live_ingest_cursors");
        }
    }
}
