using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KukaPortal.Data.Configuration;

internal sealed class WindowScoreConfiguration : IEntityTypeConfiguration<WindowScoreRow>
{
    public void Configure(EntityTypeBuilder<WindowScoreRow> score)
    {
        score.ToTable("window_scores");
        score.HasKey(s => new { s.JobId, s.WindowIndex });
        // Catch-up after a reconnect reads "everything of this asset after sequence N".
        score.HasIndex(s => new { s.AssetId, s.Sequence }).IsUnique();
    }
}
