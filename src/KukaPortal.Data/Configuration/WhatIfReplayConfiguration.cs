using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KukaPortal.Data.Configuration;

internal sealed class WhatIfReplayConfiguration : IEntityTypeConfiguration<WhatIfReplay>
{
    public void Configure(EntityTypeBuilder<WhatIfReplay> replay)
    {
        replay.ToTable("what_if_replays");
        replay.HasKey(r => r.JobId);
        replay.HasOne<Job>().WithOne().HasForeignKey<WhatIfReplay>(r => r.JobId).OnDelete(DeleteBehavior.Cascade);
        replay.HasOne<Asset>().WithMany().HasForeignKey(r => r.AssetId).OnDelete(DeleteBehavior.Cascade);
        replay.HasOne<DetectorModel>().WithMany().HasForeignKey(r => r.CandidateModelId).OnDelete(DeleteBehavior.Cascade);
        replay.HasOne<DetectorModel>().WithMany().HasForeignKey(r => r.BaselineModelId).OnDelete(DeleteBehavior.Cascade);
        replay.Property(r => r.Result).HasColumnType("jsonb");
        // The models page shows the latest replay of a candidate.
        replay.HasIndex(r => new { r.AssetId, r.CandidateModelId, r.CreatedAt });
    }
}
