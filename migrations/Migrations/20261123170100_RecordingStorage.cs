using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KukaPortal.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class RecordingStorage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Recordings stored before this migration were CSV and have no .npz data; re-upload them.
            migrationBuilder.RenameColumn(
                name: "storage_key",
                table: "recordings",
                newName: "original_key");

            migrationBuilder.AlterColumn<string>(
                name: "file_name",
                table: "recordings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500);

            migrationBuilder.AddColumn<int>(
                name: "anomalous_rows",
                table: "recordings",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "data_key",
                table: "recordings",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "format",
                table: "recordings",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "csv");

            migrationBuilder.AddColumn<string>(
                name: "report",
                table: "recordings",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "anomalous_rows",
                table: "recordings");

            migrationBuilder.DropColumn(
                name: "data_key",
                table: "recordings");

            migrationBuilder.DropColumn(
                name: "format",
                table: "recordings");

            migrationBuilder.DropColumn(
                name: "report",
                table: "recordings");

            migrationBuilder.RenameColumn(
                name: "original_key",
                table: "recordings",
                newName: "storage_key");

            migrationBuilder.AlterColumn<string>(
                name: "file_name",
                table: "recordings",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);
        }
    }
}
