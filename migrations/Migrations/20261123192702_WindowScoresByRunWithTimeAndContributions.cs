using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KukaPortal.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class WindowScoresByRunWithTimeAndContributions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_window_scores",
                table: "window_scores");

            migrationBuilder.DropIndex(
                name: "ix_window_scores_asset_id_sequence",
                table: "window_scores");

            migrationBuilder.RenameColumn(
                name: "job_id",
                table: "window_scores",
                newName: "run_id");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "at",
                table: "window_scores",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<byte[]>(
                name: "channel_contributions",
                table: "window_scores",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "channel_names",
                table: "models",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "pk_window_scores",
                table: "window_scores",
                columns: new[] { "run_id", "window_index", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_window_scores_asset_id_sequence",
                table: "window_scores",
                columns: new[] { "asset_id", "sequence" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_window_scores",
                table: "window_scores");

            migrationBuilder.DropIndex(
                name: "ix_window_scores_asset_id_sequence",
                table: "window_scores");

            migrationBuilder.DropColumn(
                name: "at",
                table: "window_scores");

            migrationBuilder.DropColumn(
                name: "channel_contributions",
                table: "window_scores");

            migrationBuilder.DropColumn(
                name: "channel_names",
                table: "models");

            migrationBuilder.RenameColumn(
                name: "run_id",
                table: "window_scores",
                newName: "job_id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_window_scores",
                table: "window_scores",
                columns: new[] { "job_id", "window_index" });

            migrationBuilder.CreateIndex(
                name: "ix_window_scores_asset_id_sequence",
                table: "window_scores",
                columns: new[] { "asset_id", "sequence" },
                unique: true);
        }
    }
}
