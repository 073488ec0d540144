using KukaPortal.Core.Alarms;

namespace KukaPortal.Data.Entities;

/// <summary>A monitored machine: a robot cell (time series) or an inspection station (images); see <see cref="AssetKind"/>.</summary>
public sealed class Asset
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Fixed when the asset is created: its recordings, models and views all follow it.</summary>
    public AssetKind Kind { get; set; }

    /// <summary>Last push sequence number handed out for this asset; every stored window takes the next one.</summary>
    public long LastSequence { get; set; }

    public int? ActiveModelId { get; set; }
    public DetectorModel? ActiveModel { get; set; }

    /// <summary>On-delay alarm rule: raise when K of the last N windows are above the threshold.</summary>
    public int AlarmOnDelayK { get; set; } = 2;
    public int AlarmOnDelayN { get; set; } = 3;

    /// <summary>In service, suppressed by design or out of service: decides the state new alarms start in.</summary>
    public AssetAlarmMode AlarmMode { get; set; }
    public string? AlarmModeReason { get; set; }
    public string? AlarmModeBy { get; set; }
    public DateTimeOffset? AlarmModeSince { get; set; }
}
