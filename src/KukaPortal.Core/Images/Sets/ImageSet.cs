namespace KukaPortal.Core.Images;

/// <summary>A validated image set: every image Channels × Size × Size, training images first, then test images by label and path.</summary>
public sealed record ImageSet(IReadOnlyList<ImageSetItem> Items, int Size, int Channels, ImageSetLayout Layout)
{
    public IEnumerable<ImageSetItem> Train => Items.Where(i => i.Role == ImageRole.Train);

    public IEnumerable<ImageSetItem> Test => Items.Where(i => i.Role == ImageRole.Test);
}
