using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KukaPortal.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class InspectionStations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "assets",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "Robot");

            migrationBuilder.CreateTable(
                name: "inspection_images",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    asset_id = table.Column<int>(type: "integer", nullable: false),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    window_index = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    blob_key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    recording_id = table.Column<int>(type: "integer", nullable: true),
                    image_index = table.Column<int>(type: "integer", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_images", x => x.id);
                    table.CheckConstraint("ck_inspection_images_one_source", "(blob_key IS NOT NULL AND recording_id IS NULL AND image_index IS NULL) OR (blob_key IS NULL AND recording_id IS NOT NULL AND image_index IS NOT NULL)");
                    table.ForeignKey(
                        name: "fk_inspection_images_assets_asset_id",
                        column: x => x.asset_id,
                        principalTable: "assets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_inspection_images_recordings_recording_id",
                        column: x => x.recording_id,
                        principalTable: "recordings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_inspection_images_asset_id_received_at",
                table: "inspection_images",
                columns: new[] { "asset_id", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_inspection_images_recording_id",
                table: "inspection_images",
                column: "recording_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_images_run_id_window_index",
                table: "inspection_images",
                columns: new[] { "run_id", "window_index" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inspection_images");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "assets");
        }
    }
}
