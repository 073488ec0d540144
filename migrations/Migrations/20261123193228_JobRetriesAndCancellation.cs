using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KukaPortal.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class JobRetriesAndCancellation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "cancel_requested",
                table: "jobs",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "not_before",
                table: "jobs",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "cancel_requested",
                table: "jobs");

            migrationBuilder.DropColumn(
                name: "not_before",
                table: "jobs");
        }
    }
}
