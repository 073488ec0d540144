using KukaPortal.Core.Metrics;
using Shouldly;

namespace KukaPortal.Ml.Tests.Images;

public sealed class SyntheticDefectDetectionTests(TrainedImageDetectorFixture fixture) : IClassFixture<TrainedImageDetectorFixture>
{
    [Fact]
    public void Scores_defective_images_above_clean_ones_and_its_maps_find_the_defects()
    {
        var clean = SyntheticImages.Normal(20, 32, 1, seed: 31);
        var defective = SyntheticImages.Defective(20, 32, 1, seed: 32);
        var images = clean.Concat(defective.Select(d => d.Image)).ToArray();
        var labels = images.Select((_, i) => i >= clean.Length).ToArray();

        var scores = fixture.Detector.Score(images);
        var maps = fixture.Detector.Maps(defective.Select(d => d.Image).ToArray());

        RocAuc.Of(scores.Select(s => s.Score).ToArray(), labels).ShouldBeGreaterThanOrEqualTo(0.9);
        PixelRocAuc.Of(maps, defective.Select(d => d.Mask.Pixels).ToArray()).ShouldBeGreaterThanOrEqualTo(0.9);
        scores.ShouldAllBe(s => Math.Abs(s.Calibrated - s.Score / fixture.Detector.Threshold) < 1e-12);
    }

    [Fact]
    public void Explains_an_image_with_its_reconstruction_map_and_the_same_score()
    {
        var image = SyntheticImages.Defective(1, 32, 1, seed: 33)[0].Image;

        var explanation = fixture.Detector.Explain(image);

        explanation.Reconstruction.Pixels.Length.ShouldBe(32 * 32);
        explanation.Map.Length.ShouldBe(32 * 32);
        explanation.Score.ShouldBeEquivalentTo(fixture.Detector.Score([image])[0]);
        // A trained model reconstructs the clean texture closely: far closer than a flat grey guess would.
        var error = image.Pixels.Zip(explanation.Reconstruction.Pixels, (a, b) => Math.Abs(a - b)).Average();
        error.ShouldBeLessThan(0.08f);
    }
}
