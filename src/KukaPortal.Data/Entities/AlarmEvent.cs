using KukaPortal.Core.Alarms;

namespace KukaPortal.Data.Entities;

/// <summary>One transition of an alarm: who did what, when, and why. Never updated, only appended.</summary>
public sealed class AlarmEvent
{
    public long Id { get; set; }
    public long AlarmId { get; set; }
    public AlarmEventKind Kind { get; set; }
    public AlarmState FromState { get; set; }
    public AlarmState ToState { get; set; }
    public DateTimeOffset At { get; set; }
    public string? User { get; set; }
    public string? Comment { get; set; }
}
