using KukaPortal.Ml.Images;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Images;

public sealed class SsimTests
{
    [Fact]
    public void Identical_images_are_similar_everywhere()
    {
        manual_seed(1);
        using var scope = NewDisposeScope();
        var images = rand(2, 3, 32, 32);

        var (map, mean) = Ssim.Compute(images, images.clone());

        map.shape.ShouldBe([2L, 32, 32]);
        mean.shape.ShouldBe([2L]);
        map.min().item<float>().ShouldBe(1f, tolerance: 1e-4f);
        map.max().item<float>().ShouldBe(1f, tolerance: 1e-4f);
    }

    [Fact]
    public void Constant_images_of_different_levels_give_the_luminance_term_alone()
    {
        using var scope = NewDisposeScope();
        var (a, b) = (0.2, 0.7);
        var x = full(1, 1, 16, 16, a);
        var y = full(1, 1, 16, 16, b);

        var (map, mean) = Ssim.Compute(x, y);

        // Both variances and the covariance are 0, so the contrast-structure factor is c2 / c2 = 1, up to the border
        // (reflect padding keeps constants). The tolerance allows for float32 rounding in E[x²] − μ², which c2 = 9e-4 divides.
        var expected = (2 * a * b + Ssim.C1) / (a * a + b * b + Ssim.C1);
        map.min().item<float>().ShouldBe((float)expected, tolerance: 1e-4f);
        map.max().item<float>().ShouldBe((float)expected, tolerance: 1e-4f);
        mean.item<float>().ShouldBe((float)expected, tolerance: 1e-4f);
    }

    [Fact]
    public void An_interior_pixel_matches_the_formula_over_its_11_by_11_window_computed_by_hand()
    {
        var random = new Random(3);
        const int side = 15, channels = 2, centre = 7;
        var xs = Enumerable.Range(0, channels * side * side).Select(_ => (float)random.NextDouble()).ToArray();
        // y is related to x (a contrast change plus noise), so all three SSIM factors differ from 1.
        var ys = xs.Select(v => Math.Clamp(0.6f * v + 0.2f + 0.1f * (float)(random.NextDouble() - 0.5), 0f, 1f)).ToArray();

        var expected = Enumerable.Range(0, channels).Average(c => WindowSsim(xs, ys, c, side, centre));

        using var scope = NewDisposeScope();
        var (map, _) = Ssim.Compute(tensor(xs).reshape(1, channels, side, side), tensor(ys).reshape(1, channels, side, side));
        map[0, centre, centre].item<float>().ShouldBe((float)expected, tolerance: 1e-5f);
    }

    /// <summary>SSIM of one channel at (centre, centre), its 11×11 Gaussian window (σ 1.5) lying wholly inside the image.</summary>
    private static double WindowSsim(float[] xs, float[] ys, int channel, int side, int centre)
    {
        double weightSum = 0, mx = 0, my = 0, mxx = 0, myy = 0, mxy = 0;
        for (var dy = -5; dy <= 5; dy++)
        for (var dx = -5; dx <= 5; dx++)
        {
            var w = Math.Exp(-(dx * dx + dy * dy) / (2 * 1.5 * 1.5));
            var i = (channel * side + centre + dy) * side + centre + dx;
            double x = xs[i], y = ys[i];
            weightSum += w;
            mx += w * x;
            my += w * y;
            mxx += w * x * x;
            myy += w * y * y;
            mxy += w * x * y;
        }
        (mx, my, mxx, myy, mxy) = (mx / weightSum, my / weightSum, mxx / weightSum, myy / weightSum, mxy / weightSum);
        var (c1, c2) = (0.01 * 0.01, 0.03 * 0.03);
        var (vx, vy, cxy) = (mxx - mx * mx, myy - my * my, mxy - mx * my);
        return (2 * mx * my + c1) * (2 * cxy + c2) / ((mx * mx + my * my + c1) * (vx + vy + c2));
    }

    [Fact]
    public void Refuses_images_of_different_shapes()
    {
        using var scope = NewDisposeScope();
        Should.Throw<ArgumentException>(() => Ssim.Compute(rand(1, 1, 16, 16), rand(1, 3, 16, 16)))
            .Message.ShouldContain("one shape");
    }
}
