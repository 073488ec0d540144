using System.Globalization;
using System.Text.Json;
using KukaPortal.Core.Images;

namespace KukaPortal.Cli.Tests.Images;

/// <summary>train, score and evaluate on an image set in MVTec layout, end to end through the command tree.</summary>
public class ImageVerbsTests(TrainedImageModelFixture fixture) : IClassFixture<TrainedImageModelFixture>
{
    private static readonly string[] SimulatorDefects = ["crack", "hole", "scratch", "stain"];

    [Fact]
    public void Train_reads_only_the_defect_free_training_images_and_holds_a_tenth_out()
    {
        fixture.Training.ExitCode.ShouldBe(0, fixture.Training.ToString());
        fixture.Training.Output.ShouldContain("metal: 64 images (40 training, 24 test), Mvtec layout, 32×32×1.");
        fixture.Training.Output.ShouldContain("Trained on 36 images (4 held out)");
        File.Exists(fixture.Model).ShouldBeTrue();
    }

    [Fact]
    public async Task Evaluate_reports_image_and_pixel_metrics_per_defect()
    {
        var run = await Cli.RunAsync("evaluate", "--model", fixture.Model, "--input", fixture.Set, "--json", "--device", "cpu");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        root.GetProperty("family").GetString().ShouldBe("conv-ae-2d");
        var image = root.GetProperty("image");
        image.GetProperty("samples").GetInt32().ShouldBe(24);
        image.GetProperty("anomalous").GetInt32().ShouldBe(16);
        // The simulator's defects are plain to see: even this small model ranks them above the good parts, and its
        // maps light up inside the masks. Measured 0.984 and 0.994 at these settings (0.836 image ROC-AUC after only 60 iterations); the bounds leave room for
        // other CPUs' float differences, not for a broken map or score.
        image.GetProperty("rocAuc").GetDouble().ShouldBeGreaterThan(0.9);
        root.GetProperty("pixelRocAuc").GetDouble().ShouldBeGreaterThan(0.9);
        var defects = root.GetProperty("defects").EnumerateArray().ToArray();
        defects.Select(d => d.GetProperty("defect").GetString()).ShouldBe(SimulatorDefects);
        defects.ShouldAllBe(d => d.GetProperty("images").GetInt32() == 4 && d.GetProperty("withMask").GetInt32() == 4);
        run.Error.ShouldContain("metal: 64 images");
    }

    [Fact]
    public async Task Score_writes_one_row_per_test_image_with_its_verdict_and_terms()
    {
        var csv = fixture.File("scores.csv");

        var run = await Cli.RunAsync("score", "--model", fixture.Model, "--input", fixture.Set, "--out", csv, "--device", "cpu");

        run.ExitCode.ShouldBe(0, run.ToString());
        var lines = await File.ReadAllLinesAsync(csv, TestContext.Current.CancellationToken);
        lines[0].ShouldBe("input,path,label,score,calibrated,above_threshold,reconstruction");
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        rows.Length.ShouldBe(24);
        rows.Count(r => r[2] == "good").ShouldBe(8);
        rows.ShouldAllBe(r => (double.Parse(r[4], CultureInfo.InvariantCulture) >= 1) == (r[5] == "true"));
        run.Output.ShouldContain($"metal: 24 images, {rows.Count(r => r[5] == "true")} above the threshold.");
    }

    [Fact]
    public async Task Score_with_maps_writes_one_four_panel_strip_per_defect_image_and_three_panels_per_good_one()
    {
        var maps = fixture.File("maps");

        var run = await Cli.RunAsync("score", "--model", fixture.Model, "--input", fixture.Set, "--out", fixture.File("scores-maps.csv"),
            "--maps", maps, "--device", "cpu");

        run.ExitCode.ShouldBe(0, run.ToString());
        Directory.GetFiles(maps, "*.png", SearchOption.AllDirectories).Length.ShouldBe(24);
        // Panels of 32 px with 2-px gaps: input, reconstruction, heatmap and mask = 134 px; without a mask 100 px.
        (await SourceSize(Path.Combine(maps, "metal", "test", "hole", "000.png"))).ShouldBe((134, 32));
        (await SourceSize(Path.Combine(maps, "metal", "test", "good", "000.png"))).ShouldBe((100, 32));
    }

    private static async Task<(int Width, int Height)> SourceSize(string png)
    {
        var decoded = ImageDecoder.Decode(await File.ReadAllBytesAsync(png, TestContext.Current.CancellationToken));
        return (decoded.SourceWidth, decoded.SourceHeight);
    }

    [Fact]
    public async Task A_flat_set_cannot_be_evaluated_because_it_has_no_labels()
    {
        var flat = fixture.File("flat");
        Directory.CreateDirectory(flat);
        foreach (var png in Directory.GetFiles(Path.Combine(fixture.Set, "test", "hole")))
            File.Copy(png, Path.Combine(flat, Path.GetFileName(png)));

        var run = await Cli.RunAsync("evaluate", "--model", fixture.Model, "--input", flat, "--device", "cpu");

        run.ExitCode.ShouldBe(2, run.ToString());
        run.Error.ShouldContain("has no label; evaluate needs the MVTec AD layout");
    }

    [Fact]
    public async Task Time_series_options_are_refused_for_an_image_model_and_image_options_for_a_series_model()
    {
        var image = await Cli.RunAsync("train", "--model", "ganomaly", "--normal", fixture.Set, "--window", "30", "--out", fixture.File("x.kpm"));
        var series = await Cli.RunAsync("train", "--model", "conv-ae", "--normal", fixture.Set, "--size", "64", "--out", fixture.File("y.kpm"));
        var stride = await Cli.RunAsync("score", "--model", fixture.Model, "--input", fixture.Set, "--stride", "2", "--out", fixture.File("z.csv"));

        image.ExitCode.ShouldBe(1, image.ToString());
        image.Error.Trim().ShouldBe("--window applies to time-series models only.");
        series.ExitCode.ShouldBe(1, series.ToString());
        series.Error.ShouldContain("--size applies to image models (--model conv-ae-2d|");
        stride.ExitCode.ShouldBe(1, stride.ToString());
        stride.Error.ShouldContain("--stride applies to time-series models only");
        File.Exists(fixture.File("x.kpm")).ShouldBeFalse();
    }
}
