namespace KukaPortal.Core.Images;

/// <summary>Why a file could not become an image.</summary>
public enum ImageErrorKind
{
    /// <summary>The bytes are no image format the decoder knows.</summary>
    NotAnImage,
    /// <summary>An image, but not PNG, JPEG or BMP.</summary>
    UnsupportedFormat,
    /// <summary>The header was read but the pixels cannot be (truncated or damaged data).</summary>
    Corrupt,
    /// <summary>The header declares more pixels than the limit.</summary>
    TooLarge,
}
