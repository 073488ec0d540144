using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KukaPortal.Data.Configuration;

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> asset)
    {
        asset.ToTable("assets");
        asset.Property(a => a.Name).HasMaxLength(200);
        asset.HasIndex(a => a.Name).IsUnique();
        asset.Property(a => a.Description).HasMaxLength(2000);
        // Existing rows were all robots; the default keeps them so.
        asset.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30).HasDefaultValue(AssetKind.Robot).HasSentinel((AssetKind)(-1));
        asset.Property(a => a.AlarmMode).HasConversion<string>().HasMaxLength(40);
        asset.Property(a => a.AlarmModeReason).HasMaxLength(2000);
        asset.Property(a => a.AlarmModeBy).HasMaxLength(256);
        // The active model is optional and may be deleted only after being deactivated.
        asset.HasOne(a => a.ActiveModel).WithMany().HasForeignKey(a => a.ActiveModelId).OnDelete(DeleteBehavior.Restrict);
    }
}
