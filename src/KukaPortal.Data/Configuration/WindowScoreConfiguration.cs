using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KukaPortal.Data.Configuration;

/// <summary>
/// window_scores is a PostgreSQL table partitioned by day of <c>at</c>, created by the hand-written migration
/// WindowScoresPartitionedByDay; EF sees it as the plain table it queries and never creates it.
/// </summary>
internal sealed class WindowScoreConfiguration : IEntityTypeConfiguration<WindowScoreRow>
{
    public void Configure(EntityTypeBuilder<WindowScoreRow> score)
    {
        score.ToTable("window_scores");
        // A partitioned table's unique key must contain the partition key (at).
        score.HasKey(s => new { s.RunId, s.WindowIndex, s.At });
        // Catch-up after a reconnect reads "everything of this asset after sequence N". Not unique: see WindowScoreRow.Sequence.
        score.HasIndex(s => new { s.AssetId, s.Sequence });
    }
}
