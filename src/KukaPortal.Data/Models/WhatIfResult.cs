using System.Text.Json;

namespace KukaPortal.Data.Models;

/// <summary>What one model did over the replayed recordings under the asset's K-of-N alarm rule.</summary>
public sealed record WhatIfModelResult(
    int ModelId, int Version, double Threshold, int Window, int WindowsScored, int WindowsAboveThreshold, int AlarmsRaised,
    double RecordedSeconds)
{
    /// <summary>Alarms per 10 minutes of recorded time; null when the recordings span no time.</summary>
    public double? AlarmsPer10Minutes => RecordedSeconds > 0 ? AlarmsRaised / (RecordedSeconds / 600) : null;
}

/// <summary>The stored outcome of a what-if replay (what_if_replays.result).</summary>
public sealed record WhatIfResult(
    int AlarmOnDelayK, int AlarmOnDelayN, int Recordings, int WindowCap, bool Capped, WhatIfModelResult Candidate, WhatIfModelResult Baseline)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static WhatIfResult? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<WhatIfResult>(json, Json);
}
