using KukaPortal.Core.Images;
using KukaPortal.Core.Simulation.Inspection;

namespace KukaPortal.Core.Tests.Simulation.Inspection;

public class InspectionSimulatorTests
{
    private static InspectionSimulationOptions Small(SurfaceTexture texture = SurfaceTexture.Metal, int seed = 1) =>
        new() { Texture = texture, Size = 32, Train = 3, TestGood = 2, TestDefectPerKind = 2, Seed = seed };

    [Theory]
    [InlineData(SurfaceTexture.Metal)]
    [InlineData(SurfaceTexture.Wood)]
    [InlineData(SurfaceTexture.Fabric)]
    public void The_same_seed_gives_identical_png_bytes_and_another_seed_different_ones(SurfaceTexture texture)
    {
        var first = Pngs(Small(texture, seed: 4));
        var again = Pngs(Small(texture, seed: 4));
        var other = Pngs(Small(texture, seed: 5));

        again.ShouldBe(first);
        first.Length.ShouldBe(3 + 2 + 4 * 2);
        for (var i = 0; i < first.Length; i++) other[i].ShouldNotBe(first[i]);
    }

    [Fact]
    public void An_image_does_not_depend_on_how_many_others_are_made()
    {
        var few = InspectionSimulator.Generate(Small()).Last();
        var many = InspectionSimulator.Generate(Small() with { Train = 7, TestGood = 5 }).Last();

        few.Key.ShouldBe(many.Key);
        many.Image.Pixels.ShouldBe(few.Image.Pixels);
    }

    [Fact]
    public void Lays_out_the_set_in_mvtec_order_with_a_mask_exactly_for_each_defect_image()
    {
        var samples = InspectionSimulator.Generate(Small()).ToArray();

        samples.Select(s => (s.Key.Role, s.Key.Label)).Distinct().ShouldBe([
            (ImageRole.Train, "good"), (ImageRole.Test, "good"),
            (ImageRole.Test, "scratch"), (ImageRole.Test, "hole"), (ImageRole.Test, "stain"), (ImageRole.Test, "crack"),
        ]);
        foreach (var sample in samples)
        {
            if (sample.Key.Defect is null) sample.Mask.ShouldBeNull();
            else sample.Mask.ShouldNotBeNull().Pixels.Count(p => p == 1f).ShouldBeGreaterThan(3, sample.Key.ToString());
        }
    }

    [Theory]
    [InlineData(SurfaceTexture.Metal)]
    [InlineData(SurfaceTexture.Wood)]
    [InlineData(SurfaceTexture.Fabric)]
    public void The_mask_covers_every_pixel_the_defect_changed_and_little_else(SurfaceTexture texture)
    {
        var options = Small(texture) with { Size = 64 };
        foreach (var sample in InspectionSimulator.Generate(options).Where(s => s.Key.Defect is not null))
        {
            var surface = InspectionSimulator.RenderSurface(options, sample.Key);
            var mask = sample.Mask!.Pixels;
            var plane = mask.Length;
            var changed = Enumerable.Range(0, plane)
                .Where(i => Enumerable.Range(0, 3).Any(c => Byte(sample.Image.Pixels[c * plane + i]) != Byte(surface.Pixels[c * plane + i])))
                .ToHashSet();

            changed.Where(i => mask[i] == 0f).ShouldBeEmpty(sample.Key.ToString());
            changed.Count.ShouldBeGreaterThan((int)(0.5 * mask.Count(m => m == 1f)), sample.Key.ToString());
        }
    }

    [Fact]
    public void Surfaces_of_different_textures_and_different_training_images_differ()
    {
        var metal = InspectionSimulator.Generate(Small(SurfaceTexture.Metal)).First().Image.Pixels;
        var wood = InspectionSimulator.Generate(Small(SurfaceTexture.Wood)).First().Image.Pixels;
        var train = InspectionSimulator.Generate(Small()).Where(s => s.Key.Role == ImageRole.Train).Select(s => s.Image.Pixels).ToArray();

        wood.ShouldNotBe(metal);
        train[1].ShouldNotBe(train[0]);
    }

    [Fact]
    public void Grey_sets_have_one_channel_of_the_colour_images_luminance()
    {
        var colour = InspectionSimulator.Generate(Small(SurfaceTexture.Wood)).First().Image;
        var grey = InspectionSimulator.Generate(Small(SurfaceTexture.Wood) with { Grey = true }).First().Image;

        grey.Channels.ShouldBe(1);
        grey.Pixels.ShouldBe(Luminance.ToGrey(colour).Pixels);
    }

    [Fact]
    public void Refuses_options_out_of_range_with_the_reason()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => InspectionSimulator.Generate(Small() with { Size = 8 }).ToArray())
            .Message.ShouldStartWith("The image size must be between 16 and 1024 pixels.");
        Should.Throw<ArgumentOutOfRangeException>(() => InspectionSimulator.Generate(Small() with { Train = 0 }).ToArray())
            .Message.ShouldStartWith("At least one training image is needed.");
    }

    private static byte[][] Pngs(InspectionSimulationOptions options) =>
        InspectionSimulator.Generate(options).Select(s => ImageEncoder.Png(s.Image)).ToArray();

    private static int Byte(float value) => (int)MathF.Round(value * 255f);
}
