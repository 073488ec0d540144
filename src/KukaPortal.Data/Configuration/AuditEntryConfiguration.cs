using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KukaPortal.Data.Configuration;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("audit_entries");
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(40);
        entry.Property(e => e.User).HasMaxLength(256);
        entry.Property(e => e.Target).HasMaxLength(400);
        entry.Property(e => e.Detail).HasMaxLength(2000);
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => new { e.AssetId, e.At });
    }
}
