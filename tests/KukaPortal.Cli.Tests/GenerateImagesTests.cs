using System.Security.Cryptography;
using KukaPortal.Core.Images;
using KukaPortal.Core.Simulation.Inspection;

namespace KukaPortal.Cli.Tests;

public class GenerateImagesTests
{
    private static readonly string[] SmallSet = ["--size", "32", "--train", "4", "--test-good", "2", "--test-defect", "1"];

    [Fact]
    public async Task Writes_an_mvtec_set_that_the_image_set_reader_reads_back_with_the_simulated_masks()
    {
        using var folder = new TempFolder();

        var run = await Cli.RunAsync(["generate", "images", "--out", folder.Path, "--texture", "wood", "--seed", "3", .. SmallSet]);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.OutputLines.ShouldBe([
            $"{folder.File("train/good")}: 4 file(s)",
            $"{folder.File("test/good")}: 2 file(s)",
            $"{folder.File("test/scratch")}: 1 file(s)",
            $"{folder.File("ground_truth/scratch")}: 1 file(s)",
            $"{folder.File("test/hole")}: 1 file(s)",
            $"{folder.File("ground_truth/hole")}: 1 file(s)",
            $"{folder.File("test/stain")}: 1 file(s)",
            $"{folder.File("ground_truth/stain")}: 1 file(s)",
            $"{folder.File("test/crack")}: 1 file(s)",
            $"{folder.File("ground_truth/crack")}: 1 file(s)",
            "wood, 32×32 RGB: 4 training, 2 good test and 4 defect test images.",
        ]);

        var import = ImageSetReader.ReadFolder(folder.Path, new ImageSetReadOptions { Size = 32, Channels = 3 }, TestContext.Current.CancellationToken);

        import.Skipped.ShouldBeEmpty();
        var set = import.Set;
        set.Layout.ShouldBe(ImageSetLayout.Mvtec);
        set.Train.Count().ShouldBe(4);
        set.Test.Select(i => i.Label).ShouldBe(["crack", "good", "good", "hole", "scratch", "stain"]);
        var options = new InspectionSimulationOptions { Texture = SurfaceTexture.Wood, Size = 32, Seed = 3 };
        foreach (var item in set.Items)
        {
            var defect = item.IsDefect ? Enum.Parse<SurfaceDefect>(item.Label!, ignoreCase: true) : (SurfaceDefect?)null;
            var index = int.Parse(Path.GetFileNameWithoutExtension(item.Path), System.Globalization.CultureInfo.InvariantCulture);
            var expected = InspectionSimulator.Render(options, new InspectionSampleKey(item.Role, defect, index));
            item.Image.Pixels.ShouldBe(expected.Image.Pixels.Select(v => MathF.Round(v * 255f) / 255f).ToArray(), item.Path);
            (item.Mask is null).ShouldBe(!item.IsDefect, item.Path);
            item.Mask?.Pixels.ShouldBe(expected.Mask!.Pixels, item.Path);
            item.Mask?.Pixels.ShouldContain(1f, item.Path);
        }
    }

    [Fact]
    public async Task Writes_byte_identical_files_for_the_same_seed_and_different_ones_for_another()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        using var otherSeed = new TempFolder();

        foreach (var (folder, seed) in new[] { (first, "7"), (second, "7"), (otherSeed, "8") })
        {
            var run = await Cli.RunAsync(["generate", "images", "--out", folder.Path, "--texture", "fabric", "--seed", seed, .. SmallSet]);
            run.ExitCode.ShouldBe(0, run.ToString());
        }

        var files = Directory.GetFiles(first.Path, "*.png", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first.Path, f)).ToArray();
        files.Length.ShouldBe(4 + 2 + 4 + 4);
        foreach (var file in files)
        {
            Sha256(Path.Combine(second.Path, file)).ShouldBe(Sha256(Path.Combine(first.Path, file)), file);
            Sha256(Path.Combine(otherSeed.Path, file)).ShouldNotBe(Sha256(Path.Combine(first.Path, file)), file);
        }
    }

    [Fact]
    public async Task Writes_grey_pngs_with_grey()
    {
        using var folder = new TempFolder();

        var run = await Cli.RunAsync(["generate", "images", "--out", folder.Path, "--grey", .. SmallSet]);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.OutputLines.Last().ShouldBe("metal, 32×32 grey: 4 training, 2 good test and 4 defect test images.");
        // Byte 25 of a PNG is the IHDR colour type: 0 = grey, 2 = RGB.
        File.ReadAllBytes(folder.File("train/good/000.png"))[25].ShouldBe((byte)0);
    }

    [Theory]
    [InlineData("--texture", "stone", "Unknown texture 'stone'. Known textures: metal, wood, fabric.")]
    [InlineData("--size", "8", "--size: The image size must be between 16 and 1024 pixels. Got 8.")]
    [InlineData("--train", "0", "--train: At least one training image is needed. Got 0.")]
    [InlineData("--test-defect", "-1", "--test-defect: The number of test images per defect cannot be negative. Got -1.")]
    public async Task Refuses_a_bad_option_with_a_clear_message_and_writes_nothing(string option, string value, string message)
    {
        using var folder = new TempFolder();
        var target = folder.File("never");

        var run = await Cli.RunAsync("generate", "images", "--out", target, option, value);

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.Trim().ShouldBe(message);
        Directory.Exists(target).ShouldBeFalse();
    }

    [Fact]
    public async Task Help_lists_every_option()
    {
        var run = await Cli.RunAsync("generate", "images", "--help");

        run.ExitCode.ShouldBe(0, run.ToString());
        foreach (var option in new[] { "--out", "--texture", "--size", "--train", "--test-good", "--test-defect", "--seed", "--grey" })
            run.Output.ShouldContain(option);
    }

    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
