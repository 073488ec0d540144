using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KukaPortal.Data.Configuration;

internal sealed class LiveIngestCursorConfiguration : IEntityTypeConfiguration<LiveIngestCursor>
{
    public void Configure(EntityTypeBuilder<LiveIngestCursor> cursor)
    {
        cursor.ToTable("live_ingest_cursors");
        cursor.HasKey(c => c.RunId);
        cursor.HasOne<StreamRun>().WithOne().HasForeignKey<LiveIngestCursor>(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
