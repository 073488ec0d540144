using KukaPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KukaPortal.Data.Configuration;

internal sealed class AlarmEventConfiguration : IEntityTypeConfiguration<AlarmEvent>
{
    public void Configure(EntityTypeBuilder<AlarmEvent> alarmEvent)
    {
        alarmEvent.ToTable("alarm_events");
        alarmEvent.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        alarmEvent.Property(e => e.FromState).HasConversion<string>().HasMaxLength(40);
        alarmEvent.Property(e => e.ToState).HasConversion<string>().HasMaxLength(40);
        alarmEvent.Property(e => e.User).HasMaxLength(256);
        alarmEvent.Property(e => e.Comment).HasMaxLength(2000);
        alarmEvent.HasIndex(e => new { e.AlarmId, e.At });
    }
}
