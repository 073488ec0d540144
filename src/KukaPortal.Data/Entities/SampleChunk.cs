namespace KukaPortal.Data.Entities;

/// <summary>
/// Samples accepted by ingest, appended durably before the 202 goes out, then consumed in order by
/// the node that owns the asset's stream. Values are row-major in the run's channel order.
/// </summary>
public sealed class SampleChunk
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public long FirstRow { get; set; }
    public int Rows { get; set; }
    public required float[] Values { get; set; }

    /// <summary>Epoch seconds per row.</summary>
    public required double[] Timestamps { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}
