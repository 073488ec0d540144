using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KukaPortal.Data.Configuration;

internal sealed class SampleChunkConfiguration : IEntityTypeConfiguration<SampleChunk>
{
    public void Configure(EntityTypeBuilder<SampleChunk> chunk)
    {
        chunk.ToTable("sample_chunks");
        chunk.HasOne<StreamRun>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
        chunk.HasIndex(c => new { c.RunId, c.FirstRow }).IsUnique();
    }
}
