using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KukaPortal.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class JobTrainingParameters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "parameters",
                table: "jobs",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "job_losses",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    iteration = table.Column<int>(type: "integer", nullable: false),
                    reconstruction = table.Column<double>(type: "double precision", nullable: false),
                    validation = table.Column<double>(type: "double precision", nullable: true),
                    discriminator_loss = table.Column<double>(type: "double precision", nullable: true),
                    discriminator_accuracy = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_losses", x => new { x.job_id, x.iteration });
                    table.ForeignKey(
                        name: "fk_job_losses_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "job_losses");

            migrationBuilder.DropColumn(
                name: "parameters",
                table: "jobs");
        }
    }
}
