using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KukaPortal.Data.Configuration;

internal sealed class StreamRunConfiguration : IEntityTypeConfiguration<StreamRun>
{
    public void Configure(EntityTypeBuilder<StreamRun> run)
    {
        run.ToTable("stream_runs");
        run.Property(r => r.Source).HasConversion<string>().HasMaxLength(20);
        run.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        run.Property(r => r.StartedBy).HasMaxLength(256);
        run.HasOne(r => r.Asset).WithMany().HasForeignKey(r => r.AssetId).OnDelete(DeleteBehavior.Cascade);
        run.HasOne(r => r.Recording).WithMany().HasForeignKey(r => r.RecordingId).OnDelete(DeleteBehavior.Cascade);
        // One live run per asset, and at most one replay running at a time.
        run.HasIndex(r => r.AssetId, "ix_stream_runs_one_live_per_asset").IsUnique().HasFilter("source = 'Live'");
        run.HasIndex(r => r.AssetId, "ix_stream_runs_one_running_replay_per_asset").IsUnique().HasFilter("source = 'Replay' AND state = 'Running'");
        run.HasIndex(r => r.State);
    }
}
