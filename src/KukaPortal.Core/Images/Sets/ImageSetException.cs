namespace KukaPortal.Core.Images;

/// <summary>An image set that is refused as a whole, with every reason found (one per line in <see cref="Exception.Message"/>).</summary>
public sealed class ImageSetException(IReadOnlyList<string> errors)
    : Exception("The image set is refused:" + string.Concat(errors.Select(e => "\n- " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;

    public ImageSetException(string error) : this([error]) { }
}
