using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KukaPortal.Data.Configuration;

internal sealed class AssetApiKeyConfiguration : IEntityTypeConfiguration<AssetApiKey>
{
    public void Configure(EntityTypeBuilder<AssetApiKey> key)
    {
        key.ToTable("asset_api_keys");
        key.Property(k => k.Name).HasMaxLength(200);
        key.Property(k => k.KeyHash).HasMaxLength(64).IsFixedLength();
        key.Property(k => k.Prefix).HasMaxLength(16);
        key.Property(k => k.CreatedBy).HasMaxLength(256);
        key.Property(k => k.RevokedBy).HasMaxLength(256);
        key.HasOne(k => k.Asset).WithMany().HasForeignKey(k => k.AssetId).OnDelete(DeleteBehavior.Cascade);
        key.HasIndex(k => k.KeyHash).IsUnique();
        key.HasIndex(k => k.AssetId);
    }
}
