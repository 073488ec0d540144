using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KukaPortal.Data.Configuration;

/// <summary>The key is also the history reader's index: one asset, one level, a range of buckets.</summary>
internal sealed class ScoreRollupConfiguration : IEntityTypeConfiguration<ScoreRollup>
{
    public void Configure(EntityTypeBuilder<ScoreRollup> rollup)
    {
        rollup.ToTable("score_rollups");
        rollup.HasKey(r => new { r.AssetId, r.BucketSeconds, r.Bucket });
        rollup.HasOne<Asset>().WithMany().HasForeignKey(r => r.AssetId).OnDelete(DeleteBehavior.Cascade);
    }
}
