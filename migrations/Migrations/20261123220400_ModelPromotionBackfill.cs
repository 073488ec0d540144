using KukaPortal.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KukaPortal.Migrations.Migrations
{
    /// <summary>
    /// Hand-written data step after <c>ModelPromotion</c> (kept apart so that model migration can be
    /// regenerated): before it every trained model became active at once, so an active model was promoted
    /// when it was created, and every other model was replaced by a later one (retired).
    /// </summary>
    [DbContext(typeof(PortalDbContext))]
    [Migration("20261123220400_ModelPromotionBackfill")]
    public partial class ModelPromotionBackfill : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE models m SET promoted_at = m.created_at, promoted_by = 'automatically (trained before promotion existed)'
                WHERE m.promoted_at IS NULL;
                UPDATE models m SET retired_at = (SELECT min(n.created_at) FROM models n WHERE n.asset_id = m.asset_id AND n.version > m.version)
                WHERE m.retired_at IS NULL AND NOT EXISTS (SELECT 1 FROM assets a WHERE a.active_model_id = m.id)
                  AND EXISTS (SELECT 1 FROM models n WHERE n.asset_id = m.asset_id AND n.version > m.version);
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The columns go with ModelPromotion's Down.
        }
    }
}
