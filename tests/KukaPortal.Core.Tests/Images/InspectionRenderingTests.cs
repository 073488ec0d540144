using KukaPortal.Core.Images;

namespace KukaPortal.Core.Tests.Images;

public class InspectionRenderingTests
{
    private static PlanarImage Grey(params float[] pixels) => new(1, 1, pixels.Length, pixels);

    [Fact]
    public void A_map_below_a_fifth_of_saturation_leaves_the_image_as_it_is()
    {
        var image = Grey(0.3f, 0.6f);

        var overlay = AnomalyHeatmap.Overlay(image, [0f, 0.19f], saturation: 1f);

        overlay.Channels.ShouldBe(3);
        overlay.Pixels.ShouldBe([0.3f, 0.6f, 0.3f, 0.6f, 0.3f, 0.6f]);
    }

    [Fact]
    public void A_saturated_pixel_is_painted_three_quarters_red_over_its_grey()
    {
        var overlay = AnomalyHeatmap.Overlay(Grey(0.4f), [5f], saturation: 2f);

        // Ramp at level 1 is pure red (1, 0, 0); alpha 0.75 over grey 0.4.
        overlay.Pixels[0].ShouldBe(0.4f + 0.75f * (1 - 0.4f), 1e-6f);
        overlay.Pixels[1].ShouldBe(0.4f * 0.25f, 1e-6f);
        overlay.Pixels[2].ShouldBe(0.4f * 0.25f, 1e-6f);
    }

    [Fact]
    public void The_same_map_value_gets_the_same_colour_in_every_image()
    {
        // Fixed scaling: an image whose map is low everywhere is not stretched to look like a defect.
        var quiet = AnomalyHeatmap.Overlay(Grey(0.5f, 0.5f), [0.1f, 0.1f], saturation: 1f);
        var loud = AnomalyHeatmap.Overlay(Grey(0.5f, 0.5f), [0.1f, 1f], saturation: 1f);

        quiet.Pixels[0].ShouldBe(loud.Pixels[0]);
        quiet.Pixels[1].ShouldBe(0.5f);
    }

    [Fact]
    public void A_map_of_the_wrong_size_or_a_bad_saturation_is_refused()
    {
        Should.Throw<ArgumentException>(() => AnomalyHeatmap.Overlay(Grey(0.5f, 0.5f), [1f], 1f)).Message.ShouldContain("needs 2");
        Should.Throw<ArgumentOutOfRangeException>(() => AnomalyHeatmap.Overlay(Grey(0.5f), [1f], 0f));
    }

    [Fact]
    public void A_strip_places_panels_side_by_side_with_a_white_gap_and_grey_panels_in_all_three_channels()
    {
        var grey = new PlanarImage(1, 2, 2, [0.1f, 0.2f, 0.3f, 0.4f]);
        var rgb = new PlanarImage(3, 2, 2, [.. Enumerable.Repeat(0.5f, 4), .. Enumerable.Repeat(0.6f, 4), .. Enumerable.Repeat(0.7f, 4)]);

        var strip = InspectionStrip.Compose([grey, rgb]);

        strip.Width.ShouldBe(2 + 2 + 2);
        strip.Height.ShouldBe(2);
        float[] red = [0.1f, 0.2f, 1f, 1f, 0.5f, 0.5f, 0.3f, 0.4f, 1f, 1f, 0.5f, 0.5f];
        strip.Pixels[..12].ShouldBe(red);
        strip.Pixels[12..14].ShouldBe([0.1f, 0.2f]);
        strip.Pixels[28..30].ShouldBe([0.7f, 0.7f]);
    }

    [Fact]
    public void Panels_of_different_sizes_cannot_share_a_strip()
    {
        Should.Throw<ArgumentException>(() => InspectionStrip.Compose([Grey(1f), Grey(1f, 1f)])).Message.ShouldContain("same size");
    }
}
