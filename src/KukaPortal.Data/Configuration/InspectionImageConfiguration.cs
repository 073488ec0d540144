using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KukaPortal.Data.Configuration;

internal sealed class InspectionImageConfiguration : IEntityTypeConfiguration<InspectionImage>
{
    public void Configure(EntityTypeBuilder<InspectionImage> image)
    {
        image.ToTable("inspection_images", table =>
            table.HasCheckConstraint("ck_inspection_images_one_source",
                "(blob_key IS NOT NULL AND recording_id IS NULL AND image_index IS NULL) OR (blob_key IS NULL AND recording_id IS NOT NULL AND image_index IS NOT NULL)"));
        image.Property(i => i.Name).HasMaxLength(1000);
        image.Property(i => i.Label).HasMaxLength(200);
        image.Property(i => i.BlobKey).HasMaxLength(400);
        // One image per scored window; a retried batch's insert hits this and stores nothing twice.
        image.HasIndex(i => new { i.RunId, i.WindowIndex }).IsUnique();
        // The inspection view's "latest" grid.
        image.HasIndex(i => new { i.AssetId, i.ReceivedAt });
        image.HasOne<Asset>().WithMany().HasForeignKey(i => i.AssetId).OnDelete(DeleteBehavior.Cascade);
        image.HasOne<Recording>().WithMany().HasForeignKey(i => i.RecordingId).OnDelete(DeleteBehavior.Cascade);
    }
}
