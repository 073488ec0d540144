namespace KukaPortal.Core.Images;

/// <summary>
/// Where an image of W×H goes in the S×S output: the <see cref="Source"/> part of the file is resampled onto
/// the <see cref="Content"/> part of the output; output pixels outside Content are padding. Images and
/// their masks share one plan, so a defect's pixels land on the same output pixels in both.
/// </summary>
internal sealed record FitPlan(PixelRect Source, PixelRect Content, int Size)
{
    public static FitPlan For(int width, int height, int size, ImageFit fit)
    {
        switch (fit)
        {
            case ImageFit.Stretch:
                return new(PixelRect.Full(width, height), PixelRect.Full(size, size), size);
            case ImageFit.CenterCrop:
                var side = Math.Min(width, height);
                return new(new PixelRect((width - side) / 2, (height - side) / 2, side, side), PixelRect.Full(size, size), size);
            default:
                var longer = Math.Max(width, height);
                var contentWidth = Math.Max(1, (int)Math.Round((double)width * size / longer, MidpointRounding.AwayFromZero));
                var contentHeight = Math.Max(1, (int)Math.Round((double)height * size / longer, MidpointRounding.AwayFromZero));
                return new(PixelRect.Full(width, height),
                    new PixelRect((size - contentWidth) / 2, (size - contentHeight) / 2, contentWidth, contentHeight), size);
        }
    }
}
