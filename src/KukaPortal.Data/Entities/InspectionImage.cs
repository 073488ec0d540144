namespace KukaPortal.Data.Entities;

/// <summary>
/// An image an inspection station's model scored: the picture behind one <see cref="WindowScoreRow"/>
/// (same run and window index), so the inspection view can show it next to its score. Written in the
/// score batch's transaction, so an image row never exists without its score and the other way round.
/// The pixels come from exactly one place: the original bytes a station sent (<see cref="BlobKey"/>),
/// or an image of a stored image set (<see cref="RecordingId"/> and <see cref="ImageIndex"/>).
/// </summary>
public sealed class InspectionImage
{
    public long Id { get; set; }
    public int AssetId { get; set; }
    public Guid RunId { get; set; }
    public int WindowIndex { get; set; }

    /// <summary>As the sender named it: <c>part-0042.png</c>, or the path inside an uploaded set (<c>test/crack/003.png</c>).</summary>
    public required string Name { get; set; }

    /// <summary>Ground truth when known: "good" or the defect's name (from an MVTec set's folder); null for live images.</summary>
    public string? Label { get; set; }

    /// <summary>Blob key of the original bytes as received (live images).</summary>
    public string? BlobKey { get; set; }

    /// <summary>The stored image set (a recording of format "images") and the image's index in it (scored sets).</summary>
    public int? RecordingId { get; set; }
    public int? ImageIndex { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
