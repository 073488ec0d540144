using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KukaPortal.Data.Configuration;

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> job)
    {
        job.ToTable("jobs");
        job.Property(j => j.Kind).HasConversion<string>().HasMaxLength(20);
        job.Property(j => j.State).HasConversion<string>().HasMaxLength(20);
        job.Property(j => j.Message).HasMaxLength(1000);
        job.Property(j => j.LeaseOwner).HasMaxLength(200);
        job.Property(j => j.Parameters).HasColumnType("jsonb");
        // The claim query scans queued jobs oldest first.
        job.HasIndex(j => new { j.State, j.CreatedAt });
        job.HasIndex(j => j.AssetId);
    }
}
