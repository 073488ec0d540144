using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KukaPortal.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class AlarmLifecycleStates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "alarm_mode",
                table: "assets",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "alarm_mode_by",
                table: "assets",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "alarm_mode_reason",
                table: "assets",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "alarm_mode_since",
                table: "assets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "classification",
                table: "alarms",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "classified_at",
                table: "alarms",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "classified_by",
                table: "alarms",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "condition_active",
                table: "alarms",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "priority",
                table: "alarms",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "shelve_reason",
                table: "alarms",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "shelved_by",
                table: "alarms",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "shelved_until",
                table: "alarms",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_alarms_shelved_until",
                table: "alarms",
                column: "shelved_until",
                filter: "state = 'Shelved'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_alarms_shelved_until",
                table: "alarms");

            migrationBuilder.DropColumn(
                name: "alarm_mode",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "alarm_mode_by",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "alarm_mode_reason",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "alarm_mode_since",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "classification",
                table: "alarms");

            migrationBuilder.DropColumn(
                name: "classified_at",
                table: "alarms");

            migrationBuilder.DropColumn(
                name: "classified_by",
                table: "alarms");

            migrationBuilder.DropColumn(
                name: "condition_active",
                table: "alarms");

            migrationBuilder.DropColumn(
                name: "priority",
                table: "alarms");

            migrationBuilder.DropColumn(
                name: "shelve_reason",
                table: "alarms");

            migrationBuilder.DropColumn(
                name: "shelved_by",
                table: "alarms");

            migrationBuilder.DropColumn(
                name: "shelved_until",
                table: "alarms");
        }
    }
}
