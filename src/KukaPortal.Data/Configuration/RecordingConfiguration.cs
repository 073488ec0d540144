using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KukaPortal.Data.Configuration;

internal sealed class RecordingConfiguration : IEntityTypeConfiguration<Recording>
{
    public void Configure(EntityTypeBuilder<Recording> recording)
    {
        recording.ToTable("recordings");
        recording.Property(r => r.FileName).HasMaxLength(1000);
        recording.Property(r => r.Sha256).HasMaxLength(64).IsFixedLength();
        recording.Property(r => r.OriginalKey).HasMaxLength(500);
        recording.Property(r => r.DataKey).HasMaxLength(500);
        recording.Property(r => r.Format).HasMaxLength(20);
        recording.Property(r => r.Report).HasColumnType("jsonb");
        recording.Property(r => r.Purpose).HasConversion<string>().HasMaxLength(20);
        recording.HasOne(r => r.Asset).WithMany().HasForeignKey(r => r.AssetId).OnDelete(DeleteBehavior.Cascade);
        recording.HasIndex(r => new { r.AssetId, r.UploadedAt });
    }
}
