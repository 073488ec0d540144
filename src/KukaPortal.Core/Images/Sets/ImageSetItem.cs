namespace KukaPortal.Core.Images;

/// <summary>
/// One image of a set. <see cref="Path"/> is relative to the set's root with '/' separators. <see cref="Label"/>
/// is "good" or the defect's name (the MVTec folder), or null where the set does not say (a flat set of test
/// images). <see cref="Mask"/> is the defect's ground truth (0/1, same fitting), null for good images and for
/// defects without one. <see cref="Valid"/> is the part of the image not made of padding.
/// </summary>
public sealed record ImageSetItem(string Path, ImageRole Role, string? Label, PlanarImage Image, PlanarImage? Mask, PixelRect Valid)
{
    public const string GoodLabel = "good";

    public bool IsDefect => Label is not null && Label != GoodLabel;
}
