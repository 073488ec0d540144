using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KukaPortal.Data.Configuration;

internal sealed class AlarmConfiguration : IEntityTypeConfiguration<Alarm>
{
    public void Configure(EntityTypeBuilder<Alarm> alarm)
    {
        alarm.ToTable("alarms");
        alarm.Property(a => a.State).HasConversion<string>().HasMaxLength(40);
        alarm.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        alarm.HasOne(a => a.Asset).WithMany().HasForeignKey(a => a.AssetId).OnDelete(DeleteBehavior.Cascade);
        alarm.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.AlarmId).OnDelete(DeleteBehavior.Cascade);
        alarm.HasIndex(a => new { a.AssetId, a.State });
        alarm.HasIndex(a => a.RaisedAt);
    }
}
