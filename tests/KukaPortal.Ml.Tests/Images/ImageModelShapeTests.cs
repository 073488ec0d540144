using KukaPortal.Ml.Images;
using Shouldly;
using static TorchSharp.torch;

namespace KukaPortal.Ml.Tests.Images;

public sealed class ImageModelShapeTests
{
    public static TheoryData<ImageModelFamily, int> FamiliesAndChannels
    {
        get
        {
            var data = new TheoryData<ImageModelFamily, int>();
            foreach (var family in TinyImageSettings.Families)
            {
                data.Add(family, 1);
                data.Add(family, 3);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(FamiliesAndChannels))]
    public void Reconstructs_in_the_input_shape_within_the_unit_range_and_gives_one_value_per_term_and_pixel(ImageModelFamily family, int channels)
    {
        manual_seed(1);
        using var model = ImageModelCatalog.CreateModel(TinyImageSettings.For(family, channels));
        model.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var images = rand(2, channels, 32, 32);

        var reconstruction = model.forward(images);
        var (terms, map) = model.ScoreTerms(images);

        reconstruction.shape.ShouldBe([2, channels, 32, 32]);
        reconstruction.min().item<float>().ShouldBeGreaterThanOrEqualTo(0f);
        reconstruction.max().item<float>().ShouldBeLessThanOrEqualTo(1f);
        terms.shape.ShouldBe([2, model.Terms.Count]);
        map.shape.ShouldBe([2, 32, 32]);
        terms.isfinite().all().item<bool>().ShouldBeTrue();
        map.min().item<float>().ShouldBeGreaterThanOrEqualTo(0f);
    }
}
