using KukaPortal.Core.Alarms;

namespace KukaPortal.Data.Entities;

/// <summary>One alarm occurrence on an asset, from raise to return-and-acknowledge.</summary>
public sealed class Alarm
{
    public long Id { get; set; }
    public int AssetId { get; set; }
    public Asset? Asset { get; set; }
    public Guid? JobId { get; set; }
    public AlarmState State { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public DateTimeOffset? ReturnedAt { get; set; }
    public int FirstWindowIndex { get; set; }
    public int LastWindowIndex { get; set; }
    public double PeakCalibrated { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public List<AlarmEvent> Events { get; set; } = [];
}
