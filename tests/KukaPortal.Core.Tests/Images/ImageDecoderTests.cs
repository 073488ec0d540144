using KukaPortal.Core.Images;
using SkiaSharp;
using static KukaPortal.Core.Tests.Images.TestImages;

namespace KukaPortal.Core.Tests.Images;

public class ImageDecoderTests
{
    private static ImageDecodeOptions At(int size, int channels = 1, ImageFit fit = ImageFit.Pad) => new() { Size = size, Channels = channels, Fit = fit };

    [Fact]
    public void Decodes_an_rgb_png_into_planes_and_keeps_every_value_at_its_own_size()
    {
        var png = RgbPng((255, 0, 0), (10, 20, 30));

        var decoded = ImageDecoder.Decode(png, At(2, 3, ImageFit.Stretch));

        // 1×2 stretched to 2×2: both rows repeat the one source row.
        decoded.Image.Channels.ShouldBe(3);
        decoded.Image.Pixels.ShouldBe(Values(255, 10, 255, 10, 0, 20, 0, 20, 0, 30, 0, 30));
        (decoded.SourceWidth, decoded.SourceHeight).ShouldBe((2, 1));
    }

    [Fact]
    public void Turns_rgb_into_grey_by_bt601_luminance()
    {
        var png = RgbPng((255, 0, 0), (0, 255, 0), (0, 0, 255), (90, 90, 90));

        var decoded = ImageDecoder.Decode(png, At(4, 1, ImageFit.Stretch));

        // 0.299·255 = 76.2, 0.587·255 = 149.7, 0.114·255 = 29.1; a grey pixel keeps its value.
        decoded.Image.Channels.ShouldBe(1);
        decoded.Image.Pixels[..4].ShouldBe(Values(76, 150, 29, 90));
    }

    [Fact]
    public void Decodes_a_grey_png_into_three_equal_planes_when_rgb_is_asked_for()
    {
        var decoded = ImageDecoder.Decode(GreyPng([40, 200]), At(2, 3, ImageFit.Stretch));

        decoded.Image.Pixels.ShouldBe(Values(40, 200, 40, 200, 40, 200, 40, 200, 40, 200, 40, 200));
    }

    [Fact]
    public void Decodes_a_bmp_with_its_rows_the_right_way_up()
    {
        var bmp = Bmp(2, 2, (x, y) => ((byte)(10 + x), (byte)(100 + y), (byte)(200 + x + y)));

        var decoded = ImageDecoder.Decode(bmp, At(2, 3));

        decoded.Image.Pixels.ShouldBe(Values(10, 11, 10, 11, 100, 100, 101, 101, 200, 201, 201, 202));
    }

    [Fact]
    public void Decodes_a_jpeg_to_its_colour_within_the_rounding_of_its_compression()
    {
        var jpeg = FlatJpeg(8, 8, new SKColor(200, 100, 50));

        var decoded = ImageDecoder.Decode(jpeg, At(4, 3));

        var plane = 16;
        for (var i = 0; i < plane; i++)
        {
            decoded.Image.Pixels[i].ShouldBe(200 / 255f, 3 / 255f);
            decoded.Image.Pixels[plane + i].ShouldBe(100 / 255f, 3 / 255f);
            decoded.Image.Pixels[2 * plane + i].ShouldBe(50 / 255f, 3 / 255f);
        }
    }

    private static readonly byte[] WideImage = GreyPng([10, 20, 30, 40], [50, 60, 70, 80]);

    [Fact]
    public void Stretch_averages_the_source_pixels_each_output_pixel_covers()
    {
        var decoded = ImageDecoder.Decode(WideImage, At(2, fit: ImageFit.Stretch));

        decoded.Image.Pixels.ShouldBe(Values(15, 35, 55, 75));
        decoded.Valid.ShouldBe(new PixelRect(0, 0, 2, 2));
    }

    [Fact]
    public void Center_crop_keeps_the_centred_square()
    {
        var decoded = ImageDecoder.Decode(WideImage, At(2, fit: ImageFit.CenterCrop));

        decoded.Image.Pixels.ShouldBe(Values(20, 30, 60, 70));
        decoded.Valid.ShouldBe(new PixelRect(0, 0, 2, 2));
    }

    [Fact]
    public void Pad_keeps_the_aspect_repeats_the_edge_rows_and_records_the_valid_rectangle()
    {
        var decoded = ImageDecoder.Decode(WideImage, At(4));

        decoded.Image.Pixels.ShouldBe(Values(
            10, 20, 30, 40,
            10, 20, 30, 40,
            50, 60, 70, 80,
            50, 60, 70, 80));
        decoded.Valid.ShouldBe(new PixelRect(0, 1, 4, 2));
    }

    [Fact]
    public void Pad_of_a_tall_image_repeats_the_edge_columns()
    {
        var decoded = ImageDecoder.Decode(GreyPng([10, 20], [30, 40], [50, 60], [70, 80]), At(4));

        decoded.Image.Pixels.ShouldBe(Values(
            10, 10, 20, 20,
            30, 30, 40, 40,
            50, 50, 60, 60,
            70, 70, 80, 80));
        decoded.Valid.ShouldBe(new PixelRect(1, 0, 2, 4));
    }

    [Fact]
    public void Enlarging_interpolates_linearly_between_pixel_centres()
    {
        var decoded = ImageDecoder.Decode(GreyPng([0, 200]), At(4));

        // Output centres fall at source positions 0 (clamped), 0.25, 0.75 and 1 (clamped).
        decoded.Image.Pixels.ShouldBe(Values(0, 50, 150, 200, 0, 50, 150, 200, 0, 50, 150, 200, 0, 50, 150, 200));
        decoded.Valid.ShouldBe(new PixelRect(0, 1, 4, 2));
    }

    [Theory]
    [InlineData(ImageFit.Stretch)]
    [InlineData(ImageFit.Pad)]
    [InlineData(ImageFit.CenterCrop)]
    public void A_flat_image_of_any_width_stays_flat_at_any_size(ImageFit fit)
    {
        // The weights of every output pixel sum to one, and no size reads past the source's edge.
        foreach (var width in new[] { 1, 2, 3, 7, 29, 97, 285 })
        foreach (var size in new[] { 1, 3, 7, 100 })
        {
            var png = GreyPng(Enumerable.Repeat(Enumerable.Repeat((byte)77, width).ToArray(), 5).ToArray());

            var decoded = ImageDecoder.Decode(png, At(size, fit: fit));

            decoded.Image.Pixels.ShouldAllBe(v => v == 77 / 255f, $"{width} → {size}");
        }
    }

    [Fact]
    public void A_mask_is_fitted_like_its_image_stays_zero_one_and_is_zero_in_the_padding()
    {
        var mask = GreyPng([0, 255, 0, 0], [0, 0, 255, 0]);

        var decoded = ImageDecoder.DecodeMask(mask, At(4, channels: 3));

        decoded.Image.Channels.ShouldBe(1);
        decoded.Image.Pixels.ShouldBe([
            0, 0, 0, 0,
            0, 1, 0, 0,
            0, 0, 1, 0,
            0, 0, 0, 0]);
        decoded.Valid.ShouldBe(new PixelRect(0, 1, 4, 2));
    }

    [Fact]
    public void A_shrunk_mask_marks_the_output_pixels_at_least_half_covered_by_defect()
    {
        var mask = GreyPng(
            [255, 255, 255, 0],
            [255, 255, 0, 0],
            [0, 0, 0, 0],
            [0, 0, 0, 0]);

        var decoded = ImageDecoder.DecodeMask(mask, At(2, fit: ImageFit.Stretch));

        // Top-left block fully covered, top-right a quarter, the bottom ones not at all.
        decoded.Image.Pixels.ShouldBe([1, 0, 0, 0]);
    }

    [Fact]
    public void Refuses_an_image_declaring_more_pixels_than_the_limit_before_decoding_it()
    {
        var error = Should.Throw<ImageFormatException>(() => ImageDecoder.Decode(PngDeclaring(20_000, 20_000), At(8)));

        error.Kind.ShouldBe(ImageErrorKind.TooLarge);
        error.Message.ShouldBe("The image declares 20,000 × 20,000 = 400,000,000 pixels, more than the limit of 100,000,000.");
    }

    [Fact]
    public void Refuses_bytes_that_are_no_image()
    {
        var error = Should.Throw<ImageFormatException>(() => ImageDecoder.Decode("time,value\n0,1\n"u8.ToArray(), At(8)));

        error.Kind.ShouldBe(ImageErrorKind.NotAnImage);
        error.Message.ShouldBe("The file is not an image (PNG, JPEG or BMP are read).");
    }

    [Fact]
    public void Refuses_an_image_format_other_than_png_jpeg_and_bmp()
    {
        var error = Should.Throw<ImageFormatException>(() => ImageDecoder.Decode(Gif(), At(8)));

        error.Kind.ShouldBe(ImageErrorKind.UnsupportedFormat);
        error.Message.ShouldBe("The file is a GIF image; PNG, JPEG and BMP are read.");
    }

    [Fact]
    public void Refuses_a_truncated_png()
    {
        var png = ImageEncoder.Png(new PlanarImage(1, 32, 32, Enumerable.Range(0, 1024).Select(i => (i * 37 % 256) / 255f).ToArray()));

        var error = Should.Throw<ImageFormatException>(() => ImageDecoder.Decode(png[..(png.Length / 2)], At(8)));

        error.Kind.ShouldBe(ImageErrorKind.Corrupt);
        error.Message.ShouldContain("truncated");
    }

    [Fact]
    public void Calls_a_png_cut_inside_its_header_damaged_not_a_foreign_file()
    {
        var error = Should.Throw<ImageFormatException>(() => ImageDecoder.Decode(GreyPng([1, 2])[..20], At(8)));

        error.Kind.ShouldBe(ImageErrorKind.Corrupt);
        error.Message.ShouldBe("The PNG image cannot be decoded: its header is damaged or truncated.");
    }
}
