using System.Globalization;
using SkiaSharp;

namespace KukaPortal.Core.Images;

/// <summary>
/// Decodes PNG, JPEG and BMP files into <see cref="PlanarImage"/>s at the model's size (see <see cref="ImageDecodeOptions"/>).
/// The header is read first and an image declaring more than <see cref="ImageDecodeOptions.MaxPixels"/> is
/// refused before its pixels are allocated. Masks go through the same fitting and come out as 0/1.
/// </summary>
public static class ImageDecoder
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47];
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];
    private static readonly SKEncodedImageFormat[] Supported = [SKEncodedImageFormat.Png, SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Bmp];

    public static DecodedImage Decode(ReadOnlySpan<byte> file, ImageDecodeOptions? options = null)
    {
        options ??= ImageDecodeOptions.Default;
        options.Validate();
        var source = DecodeRgba(file, options.MaxPixels);
        var plan = FitPlan.For(source.Width, source.Height, options.Size, options.Fit);
        int[] channels = options.Channels == 1 ? [RgbaPixels.LuminanceChannel] : [0, 1, 2];
        var pixels = new float[options.Channels * options.Size * options.Size];
        for (var c = 0; c < channels.Length; c++)
            Resampler.Image(source, channels[c], plan).CopyTo(pixels, c * options.Size * options.Size);
        return Result(new PlanarImage(options.Channels, options.Size, options.Size, pixels), plan, source);
    }

    /// <summary>A ground-truth mask (any pixel brighter than mid-grey is defect) fitted exactly like its image; one channel of 0 and 1.</summary>
    public static DecodedImage DecodeMask(ReadOnlySpan<byte> file, ImageDecodeOptions? options = null)
    {
        options ??= ImageDecodeOptions.Default;
        options.Validate();
        var source = DecodeRgba(file, options.MaxPixels);
        var plan = FitPlan.For(source.Width, source.Height, options.Size, options.Fit);
        return Result(new PlanarImage(1, options.Size, options.Size, Resampler.Mask(source, plan)), plan, source);
    }

    private static DecodedImage Result(PlanarImage image, FitPlan plan, RgbaPixels source) =>
        new(image, plan.Content, source.Width, source.Height);

    /// <summary>The decoder says only "no"; the signature tells a damaged image from something that never was one.</summary>
    private static ImageFormatException Unreadable(ReadOnlySpan<byte> file)
    {
        string? format = file.StartsWith(PngSignature) ? "PNG" : file.StartsWith(JpegSignature) ? "JPEG" : file.StartsWith("BM"u8) ? "BMP" : null;
        return format is null
            ? new ImageFormatException(ImageErrorKind.NotAnImage, "The file is not an image (PNG, JPEG or BMP are read).")
            : new ImageFormatException(ImageErrorKind.Corrupt, $"The {format} image cannot be decoded: its header is damaged or truncated.");
    }

    private static RgbaPixels DecodeRgba(ReadOnlySpan<byte> file, long maxPixels)
    {
        using var data = SKData.CreateCopy(file);
        using var codec = SKCodec.Create(data) ?? throw Unreadable(file);
        if (!Supported.Contains(codec.EncodedFormat))
            throw new ImageFormatException(ImageErrorKind.UnsupportedFormat,
                $"The file is a {codec.EncodedFormat.ToString().ToUpperInvariant()} image; PNG, JPEG and BMP are read.");

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        var pixels = (long)width * height;
        if (pixels > maxPixels)
            throw new ImageFormatException(ImageErrorKind.TooLarge, string.Create(CultureInfo.InvariantCulture,
                $"The image declares {width:N0} × {height:N0} = {pixels:N0} pixels, more than the limit of {maxPixels:N0}."));

        var rgba = new byte[pixels * 4];
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var result = codec.GetPixels(info, rgba);
        if (result != SKCodecResult.Success)
        {
            var why = result == SKCodecResult.IncompleteInput ? "the data ends before the last pixel (truncated)" : $"the decoder reports {result}";
            throw new ImageFormatException(ImageErrorKind.Corrupt, $"The {codec.EncodedFormat.ToString().ToUpperInvariant()} image cannot be decoded: {why}.");
        }
        return new RgbaPixels(rgba, width, height);
    }
}
