using KukaPortal.Core.Images;
using static KukaPortal.Core.Tests.Images.ImageCorpus;
using static KukaPortal.Core.Tests.Images.TestImages;

namespace KukaPortal.Core.Tests.Images;

public class ImageSetArchiveTests
{
    [Fact]
    public void An_mvtec_set_reads_back_exactly_as_it_was_written()
    {
        var set = ReadZip(new ImageSetReadOptions { Size = 4, Channels = 3 },
            [.. Mvtec(), ("test/good/wide.png", RgbPng((1, 2, 3), (200, 100, 0)))]).Set;

        var back = RoundTrip(set);

        AssertSame(back, set);
        back.Items.Single(i => i.Path == "test/good/wide.png").Valid.ShouldBe(new PixelRect(0, 1, 4, 2));
    }

    [Fact]
    public void A_flat_set_of_unlabelled_test_images_reads_back_exactly()
    {
        var set = ReadZip(Options() with { FlatRole = ImageRole.Test }, ("one.png", Good0), ("two.png", Good1)).Set;

        var back = RoundTrip(set);

        AssertSame(back, set);
        back.Items.ShouldAllBe(i => i.Label == null && i.Mask == null);
    }

    private static ImageSet RoundTrip(ImageSet set)
    {
        var stream = new MemoryStream();
        ImageSetArchive.Write(stream, set);
        stream.Position = 0;
        return ImageSetArchive.Read(stream);
    }

    private static void AssertSame(ImageSet actual, ImageSet expected)
    {
        (actual.Size, actual.Channels, actual.Layout).ShouldBe((expected.Size, expected.Channels, expected.Layout));
        actual.Items.Count.ShouldBe(expected.Items.Count);
        for (var i = 0; i < expected.Items.Count; i++)
        {
            var (a, e) = (actual.Items[i], expected.Items[i]);
            (a.Path, a.Role, a.Label, a.Valid).ShouldBe((e.Path, e.Role, e.Label, e.Valid));
            (a.Image.Channels, a.Image.Height, a.Image.Width).ShouldBe((e.Image.Channels, e.Image.Height, e.Image.Width));
            a.Image.Pixels.ShouldBe(e.Image.Pixels);
            a.Mask?.Pixels.ShouldBe(e.Mask!.Pixels);
            (a.Mask is null).ShouldBe(e.Mask is null);
        }
    }
}
