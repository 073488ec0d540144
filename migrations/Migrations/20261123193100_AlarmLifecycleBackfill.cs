using KukaPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KukaPortal.Migrations.Migrations
{
    /// <summary>
    /// Hand-written data step after <c>AlarmLifecycleStates</c> (kept apart so that model migration can
    /// be regenerated): fills the new non-null columns of rows that existed before it. Priorities use
    /// the default bands; the condition is active exactly for the two active states, the only states
    /// that existed before.
    /// </summary>
    [DbContext(typeof(PortalDbContext))]
    [Migration("20261123193100_AlarmLifecycleBackfill")]
    public partial class AlarmLifecycleBackfill : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE assets SET alarm_mode = 'InService' WHERE alarm_mode = '';");
            migrationBuilder.Sql("""
                UPDATE alarms SET
                    condition_active = state IN ('ActiveUnacknowledged', 'ActiveAcknowledged'),
                    priority = CASE
                        WHEN peak_calibrated >= 4.0 THEN 'Urgent'
                        WHEN peak_calibrated >= 2.5 THEN 'High'
                        WHEN peak_calibrated >= 1.5 THEN 'Medium'
                        ELSE 'Low' END
                WHERE priority = '';
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The columns themselves go with AlarmLifecycleStates' Down.
        }
    }
}
