namespace KukaPortal.Data.Entities;

public enum RecordingPurpose { Normal, Scoring }

/// <summary>
/// An imported recording. The upload it came from is kept unchanged under <see cref="OriginalKey"/>
/// (one upload — a zip, say — may hold several recordings); the validated data is stored under
/// <see cref="DataKey"/> in the portal's own format (.npz) so jobs load it with a block copy.
/// </summary>
public sealed class Recording
{
    /// <summary>
    /// <see cref="Format"/> of an inspection station's image set: <see cref="DataKey"/> is an <c>ImageSetArchive</c> .npz,
    /// <see cref="Rows"/> the number of images, <see cref="Channels"/> the colour planes ("grey" or "r", "g", "b"), and
    /// <see cref="AnomalousRows"/> the images labelled with a defect.
    /// </summary>
    public const string ImageSetFormat = "images";

    public int Id { get; set; }
    public int AssetId { get; set; }
    public Asset? Asset { get; set; }

    /// <summary>Where it came from, as the sender named it: <c>run.csv</c> or <c>kuka.zip/KukaSlow.npy</c>.</summary>
    public required string FileName { get; set; }
    public required string Format { get; set; }
    public RecordingPurpose Purpose { get; set; }

    /// <summary>SHA-256 of the original upload file.</summary>
    public required string Sha256 { get; set; }
    public long SizeBytes { get; set; }
    public required string OriginalKey { get; set; }
    public required string DataKey { get; set; }
    public int Rows { get; set; }
    public required string[] Channels { get; set; }

    /// <summary>Rows labelled anomalous, when the recording carries labels.</summary>
    public int? AnomalousRows { get; set; }

    /// <summary>The validation report (JSON) shown to whoever uploaded it.</summary>
    public required string Report { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
}
