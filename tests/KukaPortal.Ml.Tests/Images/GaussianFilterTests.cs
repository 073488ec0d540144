using KukaPortal.Ml.Images;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Images;

public sealed class GaussianFilterTests
{
    [Fact]
    public void A_corner_pixel_averages_the_mirrored_neighbourhood()
    {
        using var scope = NewDisposeScope();
        // A 4×4 image with one bright pixel at (1, 1), radius 1: reflect padding mirrors row/column 1 across the
        // border, so the corner (0, 0) sees the bright pixel in all four of its window's corners.
        var image = zeros(1, 1, 4, 4);
        image[0, 0, 1, 1] = tensor(1f);
        var taps = GaussianFilter.Taps(1, 1.0);

        var filtered = GaussianFilter.Apply(image, radius: 1, sigma: 1.0);

        filtered.shape.ShouldBe([1L, 1, 4, 4]);
        filtered[0, 0, 0, 0].item<float>().ShouldBe(4 * taps[0] * taps[0], tolerance: 1e-6f);
        filtered[0, 0, 1, 1].item<float>().ShouldBe(taps[1] * taps[1], tolerance: 1e-6f);
    }

    [Fact]
    public void Taps_are_a_normalised_symmetric_gaussian()
    {
        var taps = GaussianFilter.Taps(5, 1.5);

        taps.Length.ShouldBe(11);
        taps.Sum().ShouldBe(1f, tolerance: 1e-6f);
        taps[4].ShouldBe(taps[6]);
        (taps[5] / taps[6]).ShouldBe((float)Math.Exp(1 / (2 * 1.5 * 1.5)), tolerance: 1e-5f);
    }
}
