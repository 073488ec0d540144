namespace KukaPortal.Core.Images;

/// <summary>How an image whose aspect differs from the model's square input is brought to S×S.</summary>
public enum ImageFit
{
    /// <summary>Keep the aspect: scale the longer side to S and fill the rest by repeating the edge pixels
    /// (a flat border would itself look like an anomaly). The padded band is outside <see cref="DecodedImage.Valid"/>.</summary>
    Pad,
    /// <summary>Scale each side to S independently (distorts the aspect, keeps every pixel).</summary>
    Stretch,
    /// <summary>Keep the aspect and cut the longer side to the centred square (loses the margins).</summary>
    CenterCrop,
}
