using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KukaPortal.Data.Configuration;

internal sealed class JobLossConfiguration : IEntityTypeConfiguration<JobLoss>
{
    public void Configure(EntityTypeBuilder<JobLoss> loss)
    {
        loss.ToTable("job_losses");
        // A retried attempt re-reports iterations after its checkpoint; the key lets it overwrite them.
        loss.HasKey(l => new { l.JobId, l.Iteration });
        loss.HasOne<Job>().WithMany().HasForeignKey(l => l.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}
