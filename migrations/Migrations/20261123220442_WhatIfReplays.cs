using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KukaPortal.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class WhatIfReplays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "what_if_replays",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    asset_id = table.Column<int>(type: "integer", nullable: false),
                    candidate_model_id = table.Column<int>(type: "integer", nullable: false),
                    baseline_model_id = table.Column<int>(type: "integer", nullable: false),
                    window_cap = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    result = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_what_if_replays", x => x.job_id);
                    table.ForeignKey(
                        name: "fk_what_if_replays_assets_asset_id",
                        column: x => x.asset_id,
                        principalTable: "assets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_what_if_replays_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_what_if_replays_models_baseline_model_id",
                        column: x => x.baseline_model_id,
                        principalTable: "models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_what_if_replays_models_candidate_model_id",
                        column: x => x.candidate_model_id,
                        principalTable: "models",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_what_if_replays_asset_id_candidate_model_id_created_at",
                table: "what_if_replays",
                columns: new[] { "asset_id", "candidate_model_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_what_if_replays_baseline_model_id",
                table: "what_if_replays",
                column: "baseline_model_id");

            migrationBuilder.CreateIndex(
                name: "ix_what_if_replays_candidate_model_id",
                table: "what_if_replays",
                column: "candidate_model_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "what_if_replays");
        }
    }
}
