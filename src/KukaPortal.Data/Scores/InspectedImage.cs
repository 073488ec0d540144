namespace KukaPortal.Data.Scores;

/// <summary>
/// The image behind one window of a <see cref="ScoreBatch"/> of an inspection station: stored as an
/// <c>inspection_images</c> row in the batch's transaction. Exactly one source: the received original's
/// <paramref name="BlobKey"/>, or a stored set's <paramref name="RecordingId"/> and <paramref name="ImageIndex"/>.
/// </summary>
public sealed record InspectedImage(
    int WindowIndex, string Name, string? Label, DateTimeOffset ReceivedAt,
    string? BlobKey = null, int? RecordingId = null, int? ImageIndex = null);
