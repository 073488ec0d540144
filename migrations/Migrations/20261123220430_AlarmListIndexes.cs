using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KukaPortal.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AlarmListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_alarms_asset_id_raised_at",
                table: "alarms",
                columns: new[] { "asset_id", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "ix_alarms_state_raised_at",
                table: "alarms",
                columns: new[] { "state", "raised_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_alarms_asset_id_raised_at",
                table: "alarms");

            migrationBuilder.DropIndex(
                name: "ix_alarms_state_raised_at",
                table: "alarms");
        }
    }
}
