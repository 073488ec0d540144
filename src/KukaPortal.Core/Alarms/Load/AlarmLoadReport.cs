namespace KukaPortal.Core.Alarms.Load;

/// <summary>Alarm-load KPIs for one period, after ISA-18.2's alarm-system performance metrics.</summary>
public sealed record AlarmLoadReport(
    DateTimeOffset From,
    DateTimeOffset To,
    int TotalAlarms,
    double AlarmsPer10Minutes,
    IReadOnlyList<AssetAlarmCount> PerAsset,
    IReadOnlyList<FloodPeriod> Floods,
    IReadOnlyList<ChatteringAsset> Chattering,
    IReadOnlyList<long> StaleAlarmIds,
    int Acknowledged,
    TimeSpan? MeanTimeToAcknowledge,
    TimeSpan? MaxTimeToAcknowledge,
    IReadOnlyList<AssetAlarmCount> TopOffenders,
    int Classified,
    int FalseAlarms,
    double? FalseAlarmRatio);

public sealed record AssetAlarmCount(int AssetId, int Alarms, double AlarmsPer10Minutes);

/// <summary>A flood: from the first to the last raise of a run of overlapping over-limit windows, and how many alarms it held.</summary>
public sealed record FloodPeriod(DateTimeOffset Start, DateTimeOffset End, int Alarms);

/// <summary>An asset that raised at least the chatter count within the chatter window; <see cref="MostRaisesInWindow"/> is its worst window.</summary>
public sealed record ChatteringAsset(int AssetId, int MostRaisesInWindow, DateTimeOffset FirstDetectedAt);
