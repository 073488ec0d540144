namespace KukaPortal.Web.Inspection;

/// <summary>
/// The pictures of one scored image: what the model read, what it made of it, where it objects (the map over the
/// input, on one fixed scale for every image of the model), and the ground truth when the set had one. The grid's
/// thumbnail is the heat map, so a reviewer sees at a glance where the model objects.
/// </summary>
public enum InspectionPanel { Input, Reconstruction, Heatmap, Mask, Thumbnail }

/// <summary>The PNGs of one scored image, rendered together from one pass of its model; <see cref="Mask"/> is null without ground truth.</summary>
public sealed record InspectionPictures(byte[] Input, byte[] Reconstruction, byte[] Heatmap, byte[]? Mask)
{
    public byte[]? Of(InspectionPanel panel) => panel switch
    {
        InspectionPanel.Input => Input,
        InspectionPanel.Reconstruction => Reconstruction,
        InspectionPanel.Heatmap or InspectionPanel.Thumbnail => Heatmap,
        InspectionPanel.Mask => Mask,
        _ => throw new ArgumentOutOfRangeException(nameof(panel), panel, null),
    };

    public long Bytes => Input.Length + Reconstruction.Length + Heatmap.Length + (Mask?.Length ?? 0);
}
