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
        alarm.Property(a => a.Priority).HasConversion<string>().HasMaxLength(20);
        alarm.Property(a => a.Classification).HasConversion<string>().HasMaxLength(20);
        alarm.Property(a => a.ClassifiedBy).HasMaxLength(256);
        alarm.Property(a => a.ShelvedBy).HasMaxLength(256);
        alarm.Property(a => a.ShelveReason).HasMaxLength(2000);
        alarm.Ignore(a => a.Status);
        alarm.HasOne(a => a.Asset).WithMany().HasForeignKey(a => a.AssetId).OnDelete(DeleteBehavior.Cascade);
        alarm.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.AlarmId).OnDelete(DeleteBehavior.Cascade);
        alarm.HasIndex(a => new { a.AssetId, a.State });
        alarm.HasIndex(a => a.RaisedAt);
        // The alarm list's filters: one asset's alarms in a period, and the alarms in some states, both newest first.
        alarm.HasIndex(a => new { a.AssetId, a.RaisedAt });
        alarm.HasIndex(a => new { a.State, a.RaisedAt });
        // The shelf-expiry service's query: only shelved rows carry an expiry worth looking at.
        alarm.HasIndex(a => a.ShelvedUntil).HasFilter("state = 'Shelved'");
    }
}
