using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KukaPortal.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class ModelEvaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "evaluation",
                table: "models",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "training_summary",
                table: "models",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "evaluation",
                table: "models");

            migrationBuilder.DropColumn(
                name: "training_summary",
                table: "models");
        }
    }
}
