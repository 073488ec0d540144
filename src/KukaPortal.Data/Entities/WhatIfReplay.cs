namespace KukaPortal.Data.Entities;

/// <summary>
/// A what-if replay of a candidate against the model that was active when it was asked for: both re-score
/// the asset's stored scoring recordings (at most <see cref="WindowCap"/> windows) under the asset's alarm
/// rule. Its job (same id) runs it; <see cref="Result"/> (jsonb, <c>WhatIfResult</c>) is set when it succeeds.
/// </summary>
public sealed class WhatIfReplay
{
    public Guid JobId { get; set; }
    public int AssetId { get; set; }
    public int CandidateModelId { get; set; }
    public int BaselineModelId { get; set; }
    public int WindowCap { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? Result { get; set; }
}
