using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KukaPortal.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ScoreRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "score_rollups",
                columns: table => new
                {
                    asset_id = table.Column<int>(type: "integer", nullable: false),
                    bucket_seconds = table.Column<int>(type: "integer", nullable: false),
                    bucket = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    windows = table.Column<int>(type: "integer", nullable: false),
                    above_threshold = table.Column<int>(type: "integer", nullable: false),
                    sum_calibrated = table.Column<double>(type: "double precision", nullable: false),
                    min_calibrated = table.Column<double>(type: "double precision", nullable: false),
                    max_calibrated = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_score_rollups", x => new { x.asset_id, x.bucket_seconds, x.bucket });
                    table.ForeignKey(
                        name: "fk_score_rollups_assets_asset_id",
                        column: x => x.asset_id,
                        principalTable: "assets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "score_rollups");
        }
    }
}
