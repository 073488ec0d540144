namespace KukaPortal.Data.Entities;

public enum RecordingPurpose { Normal, Scoring }

/// <summary>An uploaded recording. The original file is kept unchanged in the blob store under <see cref="StorageKey"/>.</summary>
public sealed class Recording
{
    public int Id { get; set; }
    public int AssetId { get; set; }
    public Asset? Asset { get; set; }
    public required string FileName { get; set; }
    public RecordingPurpose Purpose { get; set; }
    public required string Sha256 { get; set; }
    public long SizeBytes { get; set; }
    public required string StorageKey { get; set; }
    public int Rows { get; set; }
    public required string[] Channels { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
}
