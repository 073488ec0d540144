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
    public double Threshold { get; set; }
    public int Window { get; set; }
    public int TrainingRecordingId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
