namespace KukaPortal.Data.Entities;

/// <summary>A trained detector of an asset; its weights, scaler and threshold live in the artifact file.</summary>
public sealed class DetectorModel
{
    public int Id { get; set; }
    public int AssetId { get; set; }
    public Asset? Asset { get; set; }
    public int Version { get; set; }
    public required string Family { get; set; }
    public required string ArtifactKey { get; set; }
    /// <summary>The threshold saved in the artifact by training.</summary>
    public double Threshold { get; set; }

    /// <summary>
    /// An engineer's threshold for this model, used instead of <see cref="Threshold"/> wherever the asset's
    /// windows are scored; null when the trained threshold applies. Clearing it is the undo.
    /// </summary>
    public double? ThresholdOverride { get; set; }

    /// <summary>The threshold scoring uses: the engineer's override, else the trained one.</summary>
    public double EffectiveThreshold => ThresholdOverride ?? Threshold;
    public int Window { get; set; }
    public int TrainingRecordingId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When and by whom the model last became the asset's active model; null for a candidate never promoted.</summary>
    public DateTimeOffset? PromotedAt { get; set; }
    public string? PromotedBy { get; set; }

    /// <summary>When another model last replaced this one as the active model; cleared when it is promoted again.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    /// <summary>
    /// Names of the channels the model reconstructs (after feature selection or PCA), in the order of each
    /// window's channel contributions. Recorded by the first scoring run; null for a model that never scored.
    /// </summary>
    public string[]? ChannelNames { get; set; }

    /// <summary>How it was trained (JSON of <c>Training.TrainingSummary</c>): family, W, L, λ, data, final losses, threshold.</summary>
    public string? TrainingSummary { get; set; }

    /// <summary>Metrics on the labelled validation recording chosen for training (JSON of <c>Training.ModelEvaluation</c>); null without one.</summary>
    public string? Evaluation { get; set; }
}
