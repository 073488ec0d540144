using KukaPortal.Core.Metrics;

namespace KukaPortal.Core.Tests.Metrics;

public class PixelRocAucTests
{
    [Fact]
    public void Counts_pairs_won_over_all_pixels_of_all_images_with_ties_as_half()
    {
        // Image A: anomalous 0.9, normals 0.2 and 0.5. Image B: anomalous 0.5, normal 0.1.
        // Anomalous 0.9 beats all 3 normals; 0.5 beats 0.2 and 0.1 and ties 0.5 (half): 3 + 2.5 = 5.5 of 6 pairs.
        float[][] maps = [[0.9f, 0.2f, 0.5f], [0.5f, 0.1f]];
        float[][] masks = [[1, 0, 0], [1, 0]];

        PixelRocAuc.Of(maps, masks).ShouldBe(5.5 / 6, 1e-12);
    }

    [Fact]
    public void Leaves_pixels_outside_the_valid_region_out()
    {
        // Without the region the padded normal pixel 0.95 beats both anomalies: 4 of 6 pairs.
        float[][] maps = [[0.9f, 0.2f, 0.95f], [0.5f, 0.1f]];
        float[][] masks = [[1, 0, 0], [1, 0]];
        float[][] valid = [[1, 1, 0], [1, 1]];

        PixelRocAuc.Of(maps, masks).ShouldBe(4.0 / 6, 1e-12);
        PixelRocAuc.Of(maps, masks, valid).ShouldBe(1.0, 1e-12);
    }

    [Fact]
    public void Equals_the_curve_based_roc_auc_on_random_pixels_with_ties()
    {
        var random = new Random(3);
        var maps = Enumerable.Range(0, 5).Select(_ => Enumerable.Range(0, 40).Select(_ => random.Next(10) / 10f).ToArray()).ToArray();
        var masks = Enumerable.Range(0, 5).Select(_ => Enumerable.Range(0, 40).Select(_ => random.Next(4) == 0 ? 1f : 0f).ToArray()).ToArray();

        var expected = RocAuc.Of(maps.SelectMany(m => m).Select(v => (double)v).ToArray(), masks.SelectMany(m => m).Select(v => v > 0.5f).ToArray());

        PixelRocAuc.Of(maps, masks).ShouldBe(expected, 1e-12);
    }

    [Fact]
    public void Refuses_masks_without_anomalous_pixels()
    {
        var error = Should.Throw<ArgumentException>(() => PixelRocAuc.Of([[0.1f, 0.2f]], [[0f, 0f]]));

        error.Message.ShouldContain("needs anomalous and normal pixels");
    }

    [Fact]
    public void Refuses_a_mask_of_another_size()
    {
        var error = Should.Throw<ArgumentException>(() => PixelRocAuc.Of([[0.1f, 0.2f]], [[1f]]));

        error.Message.ShouldContain("same size");
    }
}
