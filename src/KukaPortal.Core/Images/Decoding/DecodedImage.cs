namespace KukaPortal.Core.Images;

/// <summary>
/// An image at the model's size with what pixel metrics need to know about its fitting: <see cref="Valid"/>
/// is the part that shows the original picture (all of it, except for <see cref="ImageFit.Pad"/>), so that
/// the replicated border is never scored. <see cref="SourceWidth"/> × <see cref="SourceHeight"/> is the file's own size.
/// </summary>
public sealed record DecodedImage(PlanarImage Image, PixelRect Valid, int SourceWidth, int SourceHeight);
