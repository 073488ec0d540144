namespace KukaPortal.Web.Inspection;

/// <summary>Limits of the live image endpoint (<c>POST /api/assets/{id}/images</c>).</summary>
public sealed class LiveImageOptions
{
    public const string Section = "LiveImages";

    /// <summary>Largest image file a station may send, in bytes; a larger body is refused with 413 before it is decoded.</summary>
    public long MaxImageBytes { get; set; } = 20 * 1024 * 1024;
}
