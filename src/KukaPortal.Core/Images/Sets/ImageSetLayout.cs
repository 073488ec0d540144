namespace KukaPortal.Core.Images;

/// <summary>How an imported set was laid out.</summary>
public enum ImageSetLayout
{
    /// <summary>MVTec AD: <c>train/good/</c>, <c>test/&lt;label&gt;/</c>, <c>ground_truth/&lt;label&gt;/&lt;name&gt;_mask.png</c>.</summary>
    Mvtec,
    /// <summary>Images without that structure, all of one role (<see cref="ImageSetReadOptions.FlatRole"/>).</summary>
    Flat,
}
