using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KukaPortal.Data.Configuration;

internal sealed class DetectorModelConfiguration : IEntityTypeConfiguration<DetectorModel>
{
    public void Configure(EntityTypeBuilder<DetectorModel> model)
    {
        model.ToTable("models");
        model.Property(m => m.Family).HasMaxLength(50);
        model.Property(m => m.ArtifactKey).HasMaxLength(500);
        model.Property(m => m.PromotedBy).HasMaxLength(256);
        model.Property(m => m.TrainingSummary).HasColumnType("jsonb");
        model.Property(m => m.Evaluation).HasColumnType("jsonb");
        model.Ignore(m => m.EffectiveThreshold);
        model.HasOne(m => m.Asset).WithMany().HasForeignKey(m => m.AssetId).OnDelete(DeleteBehavior.Cascade);
        model.HasIndex(m => new { m.AssetId, m.Version }).IsUnique();
    }
}
