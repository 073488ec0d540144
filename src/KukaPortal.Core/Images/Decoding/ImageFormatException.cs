namespace KukaPortal.Core.Images;

/// <summary>A file that cannot be decoded as an image, with the reason in words a user can act on.</summary>
public sealed class ImageFormatException(ImageErrorKind kind, string message) : Exception(message)
{
    public ImageErrorKind Kind { get; } = kind;
}
