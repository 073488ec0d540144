using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KukaPortal.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class StreamRunsChunksAndApiKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "asset_api_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    asset_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    key_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asset_api_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_asset_api_keys_assets_asset_id",
                        column: x => x.asset_id,
                        principalTable: "assets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stream_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    asset_id = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    channels = table.Column<string[]>(type: "text[]", nullable: false),
                    next_window_index = table.Column<int>(type: "integer", nullable: false),
                    next_row = table.Column<long>(type: "bigint", nullable: false),
                    recording_id = table.Column<int>(type: "integer", nullable: true),
                    speed = table.Column<double>(type: "double precision", nullable: false),
                    loop = table.Column<bool>(type: "boolean", nullable: false),
                    ingested_rows = table.Column<long>(type: "bigint", nullable: false),
                    last_timestamp = table.Column<double>(type: "double precision", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stream_runs", x => x.id);
                    table.ForeignKey(
                        name: "fk_stream_runs_assets_asset_id",
                        column: x => x.asset_id,
                        principalTable: "assets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_stream_runs_recordings_recording_id",
                        column: x => x.recording_id,
                        principalTable: "recordings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sample_chunks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_row = table.Column<long>(type: "bigint", nullable: false),
                    rows = table.Column<int>(type: "integer", nullable: false),
                    values = table.Column<float[]>(type: "real[]", nullable: false),
                    timestamps = table.Column<double[]>(type: "double precision[]", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sample_chunks", x => x.id);
                    table.ForeignKey(
                        name: "fk_sample_chunks_stream_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "stream_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_asset_api_keys_asset_id",
                table: "asset_api_keys",
                column: "asset_id");

            migrationBuilder.CreateIndex(
                name: "ix_asset_api_keys_key_hash",
                table: "asset_api_keys",
                column: "key_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sample_chunks_run_id_first_row",
                table: "sample_chunks",
                columns: new[] { "run_id", "first_row" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stream_runs_asset_id",
                table: "stream_runs",
                column: "asset_id",
                unique: true,
                filter: "source = 'Live'");

            migrationBuilder.CreateIndex(
                name: "ix_stream_runs_asset_id1",
                table: "stream_runs",
                column: "asset_id",
                unique: true,
                filter: "source = 'Replay' AND state = 'Running'");

            migrationBuilder.CreateIndex(
                name: "ix_stream_runs_recording_id",
                table: "stream_runs",
                column: "recording_id");

            migrationBuilder.CreateIndex(
                name: "ix_stream_runs_state",
                table: "stream_runs",
                column: "state");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "asset_api_keys");

            migrationBuilder.DropTable(
                name: "sample_chunks");

            migrationBuilder.DropTable(
                name: "stream_runs");
        }
    }
}
